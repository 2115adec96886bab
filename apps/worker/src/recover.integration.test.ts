// Recovery of scans whose job was lost: found by the reliability suite, where a Redis restart
// (no persistence) left queued scans hanging for 10 minutes. Real Postgres and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey } from "./test-helpers";

const DB = "bulwark_be_rel_recover";
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "bulwark-test-rel-recover",
  BULWARK_SECRET_KEY: testSecretKey(),
});
delete process.env.BULWARK_QUEUE_BACKEND;

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
let db: Db;
let jobs: Jobs;
let recover: typeof import("./worker").recover;
let orgId: string;
let clusterId: string;

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  ({ recover } = await import("./worker"));
  await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "recover@example.com", passwordHash: null, orgName: "Recover" });
  orgId = org.id;
  const c = await db.createCluster({ orgId, actorId: user.id, name: "c", server: "https://203.0.113.1", credentialCipher: "x", credentialKeyId: "k" });
  clusterId = c.id;
});

afterAll(async () => {
  await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true }).catch(() => {});
  await jobs.closeQueues();
  await db.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("recover", () => {
  it("re-enqueues a queued scan whose job vanished after two stale periods, once", async () => {
    const queue = jobs.getQueue(jobs.QUEUE_SCAN);
    const lost = await db.createScan({ orgId, clusterId, trigger: "manual" });
    // No job: what a Redis restart without persistence leaves behind.
    const log = () => {};
    expect(await recover({ WORKER_STALE_MS: 3000 }, log)).toBe(0);
    expect(await queue.getJob(jobs.scanJobId(lost.id))).toBeUndefined();

    await db.db.scan.update({ where: { id: lost.id }, data: { createdAt: new Date(Date.now() - 10_000) } });
    expect(await recover({ WORKER_STALE_MS: 3000 }, log)).toBe(1);
    const job = await queue.getJob(jobs.scanJobId(lost.id));
    expect(job?.data).toMatchObject({ orgId, clusterId, scanId: lost.id });
    expect(await job?.getState()).toBe("waiting");

    // A job still waiting is left alone: nothing duplicated, nothing counted.
    expect(await recover({ WORKER_STALE_MS: 3000 }, log)).toBe(0);
    expect(await queue.getJobCounts("waiting")).toMatchObject({ waiting: 1 });
  });
});
