// Starts the scan and connection-test workers on whatever queue backend is configured, keeps the
// recurring-scan schedulers in step with the database, and recovers scans whose worker died.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { disconnectDb, listSchedules, recoverStuckScans } from "@bulwark/db";
import { parseKeyring } from "@bulwark/k8s";
import { QUEUE_CONNECTION, QUEUE_SCAN, closeQueues, getQueue, getQueueConnection, requeueScan, scanSchedulerId, upsertScanSchedule } from "@bulwark/jobs";
import type { WorkerContext } from "./context";
import { workerEnv, type TWorkerEnv } from "./env";
import { processScan } from "./processors/scan.processor";
import { processTestConnection } from "./processors/test-connection.processor";

export interface RunningWorker {
  ctx: WorkerContext;
  /** Waits for active jobs to finish, then disconnects everything. */
  close(): Promise<void>;
}

function logger(workerId: string) {
  return (msg: string, data?: Record<string, unknown>) => {
    console.log(JSON.stringify({ t: new Date().toISOString(), worker: workerId, msg, ...data }));
  };
}

/** Registers a scheduler for every enabled schedule and removes schedulers whose schedule is gone. */
export async function syncSchedulers(log: WorkerContext["log"]): Promise<number> {
  const schedules = await listSchedules();
  for (const s of schedules) {
    await upsertScanSchedule(s).catch((e: Error) => log("scheduler upsert failed", { clusterId: s.clusterId, error: e.message }));
  }
  const wanted = new Set(schedules.map((s) => scanSchedulerId(s.clusterId)));
  const existing = await getQueue(QUEUE_SCAN).getJobSchedulers(0, -1);
  for (const j of existing) {
    const key = (j as { key?: string; id?: string }).key ?? (j as { id?: string }).id;
    if (key && key.startsWith("scan:") && !wanted.has(key)) await getQueue(QUEUE_SCAN).removeJobScheduler(key);
  }
  return schedules.length;
}

export async function recover(env: Pick<TWorkerEnv, "WORKER_STALE_MS">, log: WorkerContext["log"]): Promise<number> {
  const scans = await recoverStuckScans({ olderThanMs: env.WORKER_STALE_MS });
  for (const s of scans) {
    // Same job id as the original: a no-op while that job is still waiting or active.
    await requeueScan({ orgId: s.orgId, clusterId: s.clusterId, scanId: s.id, trigger: s.trigger }).catch((e: Error) =>
      log("re-enqueue failed", { scanId: s.id, error: e.message }),
    );
  }
  if (scans.length) log("recovered scans", { count: scans.length });
  return scans.length;
}

export async function startWorker(env: TWorkerEnv = workerEnv()): Promise<RunningWorker> {
  const workerId = env.WORKER_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const ctx: WorkerContext = {
    workerId,
    keyring: parseKeyring(env.BULWARK_SECRET_KEY),
    allowPrivateNetworks: env.BULWARK_ALLOW_PRIVATE_NETWORKS,
    staleMs: env.WORKER_STALE_MS,
    scanDeadlineMs: env.WORKER_SCAN_DEADLINE_MS,
    log: logger(workerId),
  };
  const conn = getQueueConnection();
  const lock = { lockDuration: env.WORKER_LOCK_MS, stalledInterval: env.WORKER_LOCK_MS, maxStalledCount: 2 };
  const scanWorker = conn.createWorker(QUEUE_SCAN, (job) => processScan(job, ctx), { concurrency: env.WORKER_CONCURRENCY, ...lock });
  const testWorker = conn.createWorker(QUEUE_CONNECTION, (job) => processTestConnection(job, ctx), { concurrency: env.WORKER_CONCURRENCY, ...lock });
  for (const w of [scanWorker, testWorker]) {
    w.on("failed", (job, err) => ctx.log("job failed", { queue: w.name, jobId: job?.id, error: err.message }));
    w.on("error", (err) => ctx.log("worker error", { queue: w.name, error: err.message }));
  }
  await Promise.all([scanWorker.waitUntilReady(), testWorker.waitUntilReady()]);

  const count = await syncSchedulers(ctx.log);
  await recover(env, ctx.log);
  const timer = setInterval(() => {
    recover(env, ctx.log).catch((e: Error) => ctx.log("recovery failed", { error: e.message }));
  }, env.WORKER_RECOVER_EVERY_MS);
  timer.unref();
  ctx.log("worker started", { backend: conn.backend, concurrency: env.WORKER_CONCURRENCY, schedules: count });

  let closing: Promise<void> | undefined;
  return {
    ctx,
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        // Worker.close() waits for active jobs: a scan in progress finishes and is stored.
        await Promise.allSettled([scanWorker.close(), testWorker.close()]);
        await closeQueues();
        await disconnectDb();
        ctx.log("worker stopped");
      })();
      return closing;
    },
  };
}
