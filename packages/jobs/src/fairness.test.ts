// Round-robin by backlog on both queue backends: tenant A queues ten scans, then tenant B two;
// a single worker slot must take B's before A's backlog, in both Redis and Postgres. Order is
// judged, never time.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createQueueConnection, type QueueConnection } from "./connection";
import { QUEUE_REPORT, QUEUE_SCAN, SCHEDULED_SCAN_JOB_NAME } from "./index";
import { jobsEnv } from "./env";
import { deferDelayMs, fairPriority, MAX_PRIORITY } from "./fairness";
import { enqueueReport, enqueueScan } from "./enqueue";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PG_SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const PG_DB = "bulwark_be_jobs_fair";
const opened: QueueConnection[] = [];

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await Promise.allSettled(opened.map((c) => c.close()));
  await admin(`DROP DATABASE IF EXISTS "${PG_DB}" WITH (FORCE)`).catch(() => {});
});

describe("fair priorities", () => {
  it("an organization's first waiting job has no priority; later ones queue behind everyone's earlier ones", () => {
    expect(fairPriority(0)).toBeUndefined();
    expect(fairPriority(-1)).toBeUndefined();
    expect(fairPriority(1)).toBe(1);
    expect(fairPriority(199)).toBe(199);
    expect(fairPriority(1e9)).toBe(MAX_PRIORITY);
  });

  it("a deferred job waits at least the base, spread over its organization's backlog, at most ten minutes", () => {
    expect(deferDelayMs({ baseMs: 1000, queued: 0, cap: 1, random: () => 1 })).toBe(1000);
    expect(deferDelayMs({ baseMs: 1000, queued: 199, cap: 1, random: () => 0 })).toBe(1000);
    expect(deferDelayMs({ baseMs: 1000, queued: 199, cap: 1, random: () => 1 })).toBe(200_000);
    expect(deferDelayMs({ baseMs: 1000, queued: 200, cap: 2, random: () => 0.5 })).toBe(51_000);
    expect(deferDelayMs({ baseMs: 1000, queued: 1e6, cap: 1, random: () => 1 })).toBe(600_000);
  });
});

/** Adds A's ten requested scans then B's two (one requested, one scheduled), and returns the order one slot takes them in. */
async function order(conn: QueueConnection): Promise<string[]> {
  const queue = conn.createQueue(QUEUE_SCAN);
  await queue.obliterate({ force: true });
  // enqueueScan uses the process-wide queue; give it this connection's queue for the test.
  const g = globalThis as unknown as { __bulwarkQueueConnection?: QueueConnection; __bulwarkQueues?: Map<string, unknown> };
  g.__bulwarkQueueConnection = conn;
  g.__bulwarkQueues = new Map([[QUEUE_SCAN, queue]]);
  for (let i = 0; i < 10; i++) await enqueueScan({ orgId: "org-a", clusterId: `a${i}`, scanId: `a${i}`, trigger: "api" }, { backlog: i });
  await enqueueScan({ orgId: "org-b", clusterId: "b0", scanId: "b0", trigger: "manual" }, { backlog: 0 });
  // A scheduler firing: the job BullMQ's job scheduler adds, without a priority.
  await queue.add(SCHEDULED_SCAN_JOB_NAME, { orgId: "org-b", clusterId: "b1", trigger: "schedule" }, { jobId: "sched-b1" });
  const seen: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const w = conn.createWorker(QUEUE_SCAN, async (job) => {
      const d = job.data as { clusterId: string };
      seen.push(d.clusterId);
      if (seen.length === 12) setImmediate(() => void w.close().then(resolve, reject));
    }, { concurrency: 1 });
    w.on("error", reject);
  });
  g.__bulwarkQueueConnection = undefined;
  g.__bulwarkQueues = undefined;
  await queue.obliterate({ force: true });
  await queue.close();
  return seen;
}

describe("report jobs", () => {
  it("carry the same backlog priority as scans", async () => {
    const conn = createQueueConnection(jobsEnv({ REDIS_URL, BULWARK_QUEUE_PREFIX: `bulwark-test-fair-${randomBytes(3).toString("hex")}` }));
    opened.push(conn);
    const queue = conn.createQueue(QUEUE_REPORT);
    const g = globalThis as unknown as { __bulwarkQueueConnection?: QueueConnection; __bulwarkQueues?: Map<string, unknown> };
    g.__bulwarkQueueConnection = conn;
    g.__bulwarkQueues = new Map([[QUEUE_REPORT, queue]]);
    try {
      await enqueueReport({ orgId: "o", reportId: "r0" }, { backlog: 0 });
      await enqueueReport({ orgId: "o", reportId: "r3" }, { backlog: 3 });
      expect((await queue.getJob("report-r0"))?.opts.priority ?? 0).toBe(0);
      expect((await queue.getJob("report-r3"))?.opts.priority).toBe(3);
    } finally {
      g.__bulwarkQueueConnection = undefined;
      g.__bulwarkQueues = undefined;
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describe.each([
  ["redis", () => createQueueConnection(jobsEnv({ REDIS_URL, BULWARK_QUEUE_PREFIX: `bulwark-test-fair-${randomBytes(3).toString("hex")}` }))],
  ["postgres", async () => {
    await admin(`DROP DATABASE IF EXISTS "${PG_DB}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${PG_DB}"`);
    return createQueueConnection(jobsEnv({ BULWARK_QUEUE_BACKEND: "postgres", DATABASE_URL: `${PG_SERVER}/${PG_DB}`, BULWARK_QUEUE_PREFIX: "fair" }));
  }],
] as const)("round-robin dispatch on %s", (_name, connect) => {
  it("B's jobs are taken right after A's first, not after A's whole backlog", async () => {
    const conn = await connect();
    opened.push(conn);
    const seen = await order(conn);
    expect(seen).toHaveLength(12);
    // A's first job (no priority) was first in line; B's two have no A job but that one ahead.
    expect(seen.slice(0, 3).sort()).toEqual(["a0", "b0", "b1"]);
    // A's own backlog keeps its order behind them.
    expect(seen.slice(3)).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"]);
  }, 60_000);
});
