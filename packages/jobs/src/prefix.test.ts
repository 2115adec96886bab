// Queue isolation: two installs sharing one Redis (each with its own database) must not take each
// other's jobs. The default prefix comes from the database name; BULWARK_QUEUE_PREFIX overrides it.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createQueueConnection, type QueueConnection } from "./connection";
import { defaultQueuePrefix, jobsEnv } from "./env";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const run = randomBytes(3).toString("hex");
const opened: QueueConnection[] = [];

afterAll(async () => {
  await Promise.allSettled(opened.map((c) => c.close()));
});

describe("queue prefix", () => {
  it("is derived from the database name unless BULWARK_QUEUE_PREFIX is set", () => {
    expect(jobsEnv({ REDIS_URL, DATABASE_URL: "postgresql://u:p@db:5432/bulwark_prod?schema=public" }).BULWARK_QUEUE_PREFIX).toBe("bulwark-bulwark_prod");
    expect(jobsEnv({ REDIS_URL, DATABASE_URL: "postgresql://db/demo", BULWARK_QUEUE_PREFIX: "mine" }).BULWARK_QUEUE_PREFIX).toBe("mine");
    expect(jobsEnv({ REDIS_URL }).BULWARK_QUEUE_PREFIX).toBe("bulwark");
    // Characters a key prefix must not carry are replaced, and a hash keeps such names apart.
    const odd = defaultQueuePrefix("postgresql://db/my.db");
    expect(odd).toMatch(/^bulwark-my_db-[0-9a-f]{8}$/);
    expect(odd).not.toBe(defaultQueuePrefix("postgresql://db/my_db"));
    expect(defaultQueuePrefix(`postgresql://db/${"x".repeat(63)}`).length).toBeLessThanOrEqual(50);
    expect(() => jobsEnv({ REDIS_URL, BULWARK_QUEUE_PREFIX: "a:b" })).toThrow(/BULWARK_QUEUE_PREFIX/);
  });

  it("two installs on one Redis, told apart only by their databases, never see each other's jobs", async () => {
    const a = createQueueConnection(jobsEnv({ REDIS_URL, DATABASE_URL: `postgresql://127.0.0.1/install_a_${run}` }));
    const b = createQueueConnection(jobsEnv({ REDIS_URL, DATABASE_URL: `postgresql://127.0.0.1/install_b_${run}` }));
    opened.push(a, b);
    expect(a.prefix).not.toBe(b.prefix);
    const name = "bulwark-scan";
    const qa = a.createQueue(name);
    const qb = b.createQueue(name);
    try {
      await qa.add("scan", { install: "a" }, { jobId: "job-a" });
      await qb.add("scan", { install: "b" }, { jobId: "job-b" });
      expect((await qa.getWaiting()).map((j) => j.id)).toEqual(["job-a"]);
      expect((await qb.getWaiting()).map((j) => j.id)).toEqual(["job-b"]);

      // Install A's worker runs until its own job is done; it must never have been handed B's.
      const seen: string[] = [];
      const done = new Promise<void>((resolve) => {
        const w = a.createWorker(name, async (job) => {
          seen.push(String(job.id));
        }, { concurrency: 2 });
        w.on("completed", (job) => {
          if (job.id === "job-a") void w.close().then(() => resolve());
        });
      });
      await done;
      expect(seen).toEqual(["job-a"]);
      expect(await (await qb.getJob("job-b"))?.getState()).toBe("waiting");
    } finally {
      await qa.obliterate({ force: true });
      await qb.obliterate({ force: true });
      await Promise.allSettled([qa.close(), qb.close()]);
    }
  });
});
