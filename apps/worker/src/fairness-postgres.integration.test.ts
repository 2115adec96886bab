// Fair scan queue on the postgres backend: tenant A's backlog of scans does not hold up tenant B's
// scheduled scans, and A never runs more scans at once than one organization may (2 of 3 slots).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAIRNESS_ENV, runFairnessScenario } from "./fairness-scenario";
import { dropDatabase, freshDatabase, testSecretKey } from "./test-helpers";

const DB = "bulwark_be_fair_pg";
const SECRET = testSecretKey();
Object.assign(process.env, { DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`, REDIS_URL: "", BULWARK_QUEUE_BACKEND: "postgres", BULWARK_QUEUE_PREFIX: "bulwark-test-be-fair", BULWARK_SECRET_KEY: SECRET, ...FAIRNESS_ENV });

beforeAll(async () => {
  await freshDatabase(DB);
}, 120_000);

afterAll(async () => {
  const jobs = await import("@bulwark/jobs");
  const db = await import("@bulwark/db");
  await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true }).catch(() => {});
  await jobs.closeQueues();
  await db.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("fair scan queue (postgres)", () => {
  it("B's scheduled scans start right after A's first, not after A's backlog of 20; A never holds all three slots", async () => {
    const r = await runFairnessScenario({ secret: SECRET, aScans: 20, bScans: 2 });
    expect(r.aTotal).toBe(20);
    expect(r.bTotal).toBe(2);
    expect(r.statuses).toEqual(["succeeded"]);
    // First come, first served would start all 20 of A's scans before any of B's.
    expect(r.aStartedBeforeLastB).toBeLessThanOrEqual(2);
    expect(r.aMaxRunning).toBe(2);
  }, 300_000);
});
