// Enqueue helpers against real Redis, and the same helpers on BullMQ's Postgres backend.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = "bulwark-test-be-jobs";
delete process.env.BULWARK_QUEUE_BACKEND;

type Jobs = typeof import("./index");
let jobs: Jobs;

beforeAll(async () => {
  jobs = await import("./index");
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true });
});
afterAll(async () => {
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true });
  await jobs.closeQueues();
});

describe("jobs on Redis", () => {
  it("picks the backend from the environment and explains a missing one", () => {
    expect(jobs.getQueueConnection().backend).toBe("redis");
    expect(() => jobs.createQueueConnection(jobs.jobsEnv({}))).toThrow(/REDIS_URL.*BULWARK_QUEUE_BACKEND=postgres/);
    expect(() => jobs.jobsEnv({ BULWARK_QUEUE_BACKEND: "kafka" })).toThrow(/BULWARK_QUEUE_BACKEND/);
  });

  it("enqueueing the same scan twice keeps one job with retries", async () => {
    const payload = { orgId: "o1", clusterId: "c1", scanId: "s1", trigger: "manual" as const };
    const a = await jobs.enqueueScan(payload);
    const b = await jobs.enqueueScan(payload);
    expect(a.jobId).toBe("scan-s1");
    expect(b.jobId).toBe(a.jobId);
    const q = jobs.getQueue(jobs.QUEUE_SCAN);
    expect(await q.getWaitingCount()).toBe(1);
    const job = await q.getJob("scan-s1");
    expect(job?.opts.attempts).toBe(3);
    expect(job?.opts.backoff).toMatchObject({ type: "exponential" });
    await expect(jobs.enqueueScan({ ...payload, orgId: "" })).rejects.toThrow();
  });

  it("requeueScan replaces a finished job with the same id, where enqueueScan is a no-op", async () => {
    const q = jobs.getQueue(jobs.QUEUE_SCAN);
    const w = jobs.getQueueConnection().createWorker(jobs.QUEUE_SCAN, async () => "ok", { concurrency: 1 });
    const deadline = Date.now() + 15_000;
    while ((await (await q.getJob("scan-s1"))?.getState()) !== "completed" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await w.close();
    expect(await (await q.getJob("scan-s1"))?.getState()).toBe("completed");
    await jobs.enqueueScan({ orgId: "o1", clusterId: "c1", scanId: "s1", trigger: "manual" });
    expect(await (await q.getJob("scan-s1"))?.getState()).toBe("completed");
    await jobs.requeueScan({ orgId: "o1", clusterId: "c1", scanId: "s1", trigger: "manual" });
    expect(await (await q.getJob("scan-s1"))?.getState()).toBe("waiting");
  });

  it("upserts and removes a cluster's job scheduler", async () => {
    const q = jobs.getQueue(jobs.QUEUE_SCAN);
    await jobs.upsertScanSchedule({ orgId: "o1", clusterId: "c9", enabled: true, mode: "interval", everyMinutes: 60 });
    await jobs.upsertScanSchedule({ orgId: "o1", clusterId: "c9", enabled: true, mode: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" });
    const schedulers = await q.getJobSchedulers(0, -1);
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ key: "scan:c9", pattern: "0 3 * * *", tz: "Europe/Berlin" });
    await jobs.upsertScanSchedule({ orgId: "o1", clusterId: "c9", enabled: false, mode: "cron", cron: "0 3 * * *" });
    expect(await q.getJobSchedulers(0, -1)).toHaveLength(0);
  });
});

describe("jobs on BullMQ's Postgres backend", () => {
  const DB = "bulwark_be_queue";
  const SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${DB}"`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  });

  it("enqueues, dedupes and processes a job with the same helpers", async () => {
    // A separate process: the backend is chosen once per process, from its environment.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const script = `
      import { enqueueScan, getQueue, getQueueConnection, closeQueues, QUEUE_SCAN } from "./index";
      const p = { orgId: "o1", clusterId: "c1", scanId: "pg1", trigger: "manual" };
      await enqueueScan(p); await enqueueScan(p);
      const conn = getQueueConnection();
      const seen = [];
      const w = conn.createWorker(QUEUE_SCAN, async (job) => { seen.push(job.id); return "ok"; }, { concurrency: 1 });
      const deadline = Date.now() + 20000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      await w.close();
      const state = await (await getQueue(QUEUE_SCAN).getJob("scan-pg1"))?.getState();
      console.log(JSON.stringify({ backend: conn.backend, seen, state }));
      await closeQueues();
      process.exit(0);
    `;
    const res = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: here,
      env: { ...process.env, REDIS_URL: "", BULWARK_QUEUE_BACKEND: "postgres", DATABASE_URL: `${SERVER}/${DB}`, BULWARK_QUEUE_PREFIX: "bulwark-test-be" },
      encoding: "utf8",
      timeout: 60_000,
    });
    const line = res.stdout.trim().split("\n").pop() ?? "";
    expect(line, res.stderr).toMatch(/^\{/);
    expect(JSON.parse(line)).toEqual({ backend: "postgres", seen: ["scan-pg1"], state: "completed" });
  }, 90_000);
});
