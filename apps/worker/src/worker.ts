// Starts the scan and connection-test workers on whatever queue backend is configured, keeps the
// recurring-scan schedulers in step with the database, and recovers scans whose worker died.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { disconnectDb, listSchedules, recoverStuckScans, sealLegacyReportWebhooks } from "@bulwark/db";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { QUEUE_ALERT, QUEUE_COMPLIANCE, QUEUE_CONNECTION, QUEUE_EXCEPTIONS, QUEUE_REMEDIATION, QUEUE_REPORT, QUEUE_SCAN, QUEUE_TICKET, ALERT_DELIVERY_JOB_NAME, TICKET_DELIVERY_JOB_NAME, closeQueues, getQueue, getQueueConnection, upsertAlertDigestSchedule, requeueScan, scanSchedulerId, scheduleRepeat, upsertScanSchedule } from "@bulwark/jobs";
import type { WorkerContext } from "./context";
import { workerEnv, type TWorkerEnv } from "./env";
import { processScan } from "./processors/scan.processor";
import { processTestConnection } from "./processors/test-connection.processor";
import { processReport, syncReportSchedulers } from "./processors/report.processor";
import { processAlertJob } from "./processors/alert.processor";
import { processExceptionSweep, scheduleExceptionSweep } from "./processors/exception-expiry.processor";
import { processAttestationSweep, scheduleAttestationSweep } from "./processors/attestation-expiry.processor";
import { LiveManager } from "./live/live-manager";
import { startHealthServer } from "./health";
import { countDelivery, observeScan, watchLiveClusters, watchQueues } from "./metrics";
import { processFixApply } from "./remediation";
import { processTicketJob, scheduleTicketSync } from "./tickets";

export interface RunningWorker {
  ctx: WorkerContext;
  /** Continuous mode (absent with WORKER_CONTINUOUS=off). */
  live?: LiveManager;
  /** Waits for active jobs to finish, then disconnects everything. */
  close(): Promise<void>;
}

function logger(workerId: string) {
  return (msg: string, data?: Record<string, unknown>) => {
    console.log(JSON.stringify({ t: new Date().toISOString(), worker: workerId, msg, ...data }));
  };
}

/**
 * Registers a scheduler for every enabled schedule whose scheduler is missing or differs, and
 * removes schedulers whose schedule is gone. Unchanged schedulers are left alone, so a restart
 * does not move anyone's next scan.
 */
export async function syncSchedulers(log: WorkerContext["log"]): Promise<{ upserted: number; removed: number; total: number }> {
  const schedules = await listSchedules();
  const queue = getQueue(QUEUE_SCAN);
  const existing = new Map((await queue.getJobSchedulers(0, -1)).map((j) => [j.key, j]));
  let upserted = 0;
  let removed = 0;
  for (const s of schedules) {
    const want = scheduleRepeat(s);
    const have = existing.get(scanSchedulerId(s.clusterId));
    const same =
      have &&
      ("every" in want ? Number(have.every) === want.every && !have.pattern : have.pattern === want.pattern && (have.tz ?? "UTC") === want.tz);
    if (same) continue;
    await upsertScanSchedule(s).then(
      () => upserted++,
      (e: Error) => log("scheduler upsert failed", { clusterId: s.clusterId, error: e.message }),
    );
  }
  const wanted = new Set(schedules.map((s) => scanSchedulerId(s.clusterId)));
  for (const key of existing.keys()) {
    if (key.startsWith("scan:") && !wanted.has(key)) {
      await queue.removeJobScheduler(key);
      removed++;
    }
  }
  return { upserted, removed, total: schedules.length };
}

export async function recover(env: Pick<TWorkerEnv, "WORKER_STALE_MS">, log: WorkerContext["log"]): Promise<number> {
  // Queued scans are re-enqueued once they have waited a couple of stale periods: a Redis restart
  // (or flush) loses their jobs, and waiting the default 10 minutes left them hanging. Re-enqueueing
  // a scan whose job is still waiting or active is a no-op (same job id), so this is cheap.
  const scans = await recoverStuckScans({ olderThanMs: env.WORKER_STALE_MS, queuedOlderThanMs: env.WORKER_STALE_MS * 2 });
  let added = 0;
  for (const s of scans) {
    // Same job id as the original: a no-op while that job is still waiting or active.
    await requeueScan({ orgId: s.orgId, clusterId: s.clusterId, scanId: s.id, trigger: s.trigger }).then(
      (r) => void (added += r.added ? 1 : 0),
      (e: Error) => log("re-enqueue failed", { scanId: s.id, error: e.message }),
    );
  }
  if (added) log("recovered scans", { count: added });
  return added;
}

export async function startWorker(env: TWorkerEnv = workerEnv()): Promise<RunningWorker> {
  const workerId = env.WORKER_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const ctx: WorkerContext = {
    workerId,
    keyring: parseKeyring(env.BULWARK_SECRET_KEY),
    allowPrivateNetworks: env.BULWARK_ALLOW_PRIVATE_NETWORKS,
    staleMs: env.WORKER_STALE_MS,
    scanDeadlineMs: env.WORKER_SCAN_DEADLINE_MS,
    scanMaxBytes: env.BULWARK_SCAN_MAX_BYTES,
    orgScanConcurrency: env.WORKER_ORG_CONCURRENCY,
    orgDeferMs: env.WORKER_ORG_DEFER_MS,
    log: logger(workerId),
  };
  const conn = getQueueConnection();
  const lock = { lockDuration: env.WORKER_LOCK_MS, stalledInterval: env.WORKER_LOCK_MS, maxStalledCount: 2 };
  const scanWorker = conn.createWorker(QUEUE_SCAN, (job, token) => observeScan(String((job.data as { trigger?: unknown })?.trigger ?? "unknown"), () => processScan(job, ctx, token)), { concurrency: env.WORKER_CONCURRENCY, ...lock });
  const testWorker = conn.createWorker(QUEUE_CONNECTION, (job) => processTestConnection(job, ctx), { concurrency: env.WORKER_CONCURRENCY, ...lock });
  const reportWorker = conn.createWorker(QUEUE_REPORT, (job) => processReport(job, ctx), { concurrency: 1, ...lock });
  const exceptionWorker = conn.createWorker(QUEUE_EXCEPTIONS, (job) => processExceptionSweep(job, ctx), { concurrency: 1, ...lock });
  const complianceWorker = conn.createWorker(QUEUE_COMPLIANCE, (job) => processAttestationSweep(job, ctx), { concurrency: 1, ...lock });
  const alertWorker = conn.createWorker(QUEUE_ALERT, async (job) => {
    const r = await processAlertJob(job, ctx, { ...(env.NEXTAUTH_URL ? { appUrl: env.NEXTAUTH_URL } : {}) });
    if (job.name === ALERT_DELIVERY_JOB_NAME) countDelivery("alert", r.outcome);
    return r;
  }, { concurrency: 4, ...lock });
  // Fixes apply one at a time per worker: each holds a write credential and ends in a rescan.
  const fixWorker = conn.createWorker(QUEUE_REMEDIATION, async (job) => {
    const r = await processFixApply(job, ctx);
    countDelivery("fix", r.outcome);
    return r;
  }, { concurrency: 1, ...lock });
  const ticketWorker = conn.createWorker(QUEUE_TICKET, async (job) => {
    const r = await processTicketJob(job, ctx);
    if (job.name === TICKET_DELIVERY_JOB_NAME) countDelivery("ticket", r.outcome);
    return r;
  }, { concurrency: 4, ...lock });
  watchQueues([QUEUE_SCAN, QUEUE_CONNECTION, QUEUE_REPORT, QUEUE_ALERT, QUEUE_REMEDIATION, QUEUE_TICKET]);
  for (const w of [scanWorker, testWorker, reportWorker, exceptionWorker, complianceWorker, alertWorker, fixWorker, ticketWorker]) {
    w.on("failed", (job, err) => ctx.log("job failed", { queue: w.name, jobId: job?.id, error: err.message }));
    w.on("error", (err) => ctx.log("worker error", { queue: w.name, error: err.message }));
  }
  await Promise.all([scanWorker.waitUntilReady(), testWorker.waitUntilReady(), reportWorker.waitUntilReady(), exceptionWorker.waitUntilReady(), complianceWorker.waitUntilReady(), alertWorker.waitUntilReady(), fixWorker.waitUntilReady(), ticketWorker.waitUntilReady()]);
  await scheduleTicketSync().catch((e: Error) => ctx.log("ticket sync scheduler failed", { error: e.message }));
  await upsertAlertDigestSchedule().catch((e: Error) => ctx.log("alert digest scheduler failed", { error: e.message }));
  await scheduleExceptionSweep().catch((e: Error) => ctx.log("exception sweep scheduler failed", { error: e.message }));
  await scheduleAttestationSweep().catch((e: Error) => ctx.log("attestation sweep scheduler failed", { error: e.message }));

  const synced = await syncSchedulers(ctx.log);
  await syncReportSchedulers(ctx.log).catch((e: Error) => ctx.log("report scheduler sync failed", { error: e.message }));
  // Report-schedule webhooks saved in plaintext by an earlier version are sealed now (the web app has the same keyring).
  await sealLegacyReportWebhooks((url) => encryptCredential(url, ctx.keyring).ciphertext).then(
    (n) => n && ctx.log("sealed report webhooks", { count: n }),
    (e: Error) => ctx.log("sealing report webhooks failed", { error: e.message }),
  );
  await recover(env, ctx.log);
  let ticks = 0;
  const timer = setInterval(() => {
    recover(env, ctx.log).catch((e: Error) => ctx.log("recovery failed", { error: e.message }));
    // Schedulers are upserted by the web app when a schedule changes; re-syncing now and then
    // repairs one that was missed (queue briefly unreachable, a Redis flush).
    if (++ticks % 10 === 0) syncSchedulers(ctx.log).catch((e: Error) => ctx.log("scheduler sync failed", { error: e.message }));
  }, env.WORKER_RECOVER_EVERY_MS);
  timer.unref();
  const live = env.WORKER_CONTINUOUS === "on" ? new LiveManager({ ctx, capacity: env.WORKER_WATCH_CAPACITY, leaseMs: env.WORKER_WATCH_LEASE_MS }) : undefined;
  await live?.start();
  if (live) watchLiveClusters(() => live.watching().length);
  let closing: Promise<void> | undefined;
  const health = env.WORKER_HEALTH_PORT ? await startHealthServer(env.WORKER_HEALTH_PORT, env.WORKER_HEALTH_HOST, () => closing === undefined) : undefined;
  ctx.log("worker started", { backend: conn.backend, prefix: conn.prefix, concurrency: env.WORKER_CONCURRENCY, orgConcurrency: env.WORKER_ORG_CONCURRENCY, schedules: synced.total, schedulersUpdated: synced.upserted });

  return {
    ctx,
    ...(live ? { live } : {}),
    close() {
      closing ??= (async () => {
        clearInterval(timer);
        health?.close();
        // Leases go back at once, so another worker takes the clusters over without waiting for them to expire.
        await live?.close().catch((e: Error) => ctx.log("continuous mode stop failed", { error: e.message }));
        // Worker.close() waits for active jobs: a scan in progress finishes and is stored.
        await Promise.allSettled([scanWorker.close(), testWorker.close(), reportWorker.close(), exceptionWorker.close(), complianceWorker.close(), alertWorker.close(), fixWorker.close(), ticketWorker.close()]);
        await closeQueues();
        await disconnectDb();
        ctx.log("worker stopped");
      })();
      return closing;
    },
  };
}
