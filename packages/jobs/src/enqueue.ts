// What web and worker call to put work on the queues. Payloads are validated before they leave.
import { QUEUE_CONNECTION, QUEUE_SCAN, ZScanJob, ZTestConnectionJob, scanJobId, scanSchedulerId, type TScanJob, type TTestConnectionJob } from "./definitions";
import { QUEUE_REPORT, ZReportJob, ZScheduledReportJob, reportJobId, reportSchedulerId, type TReportJob } from "./definitions";
import { QUEUE_ALERT, ZAlertDeliveryJob, ZAlertDigestJob, ZAlertsForScanJob, alertDeliveryJobId, alertsForScanJobId, type TAlertDeliveryJob, type TAlertsForScanJob } from "./definitions";
import { ALERT_DIGEST_SCHEDULER_ID } from "./definitions";
import { FIX_APPLY_JOB_NAME, QUEUE_REMEDIATION, ZFixApplyJob, fixApplyJobId, type TFixApplyJob } from "./definitions";
import {
  QUEUE_TICKET,
  TICKET_DELIVERY_ATTEMPTS,
  TICKET_DELIVERY_JOB_NAME,
  TICKET_SYNC_EVERY_MS,
  TICKET_SYNC_JOB_NAME,
  TICKET_SYNC_SCHEDULER_ID,
  ZTicketDeliveryJob,
  ZTicketSyncJob,
  ticketDeliveryJobId,
  type TTicketDeliveryJob,
  type TTicketSyncJob,
} from "./definitions";
import { getQueue } from "./connection";
import { fairPriority } from "./fairness";

export const SCAN_JOB_NAME = "scan";
export const SCHEDULED_SCAN_JOB_NAME = "scheduled-scan";
export const TEST_CONNECTION_JOB_NAME = "test-connection";

const HOUR = 3600;

/**
 * Options of a job that retries with exponential backoff. Finished jobs are kept a while (by
 * default a day, at most 1,000; failed ones a week) so a duplicate enqueue of the same id stays a no-op.
 */
function retrying(attempts: number, delayMs: number, keep: { doneHours?: number; doneCount?: number } = {}) {
  return {
    attempts,
    backoff: { type: "exponential", delay: delayMs },
    removeOnComplete: { age: (keep.doneHours ?? 24) * HOUR, count: keep.doneCount ?? 1000 },
    removeOnFail: { age: 7 * 24 * HOUR },
  };
}

const SCAN_JOB_DEFAULTS = retrying(3, 10_000);

/**
 * Enqueues a requested scan. The job id is derived from the Scan row, so enqueueing twice is a
 * no-op. `backlog` is how many of the organization's scans already wait: it places this one
 * behind other organizations' earlier jobs (see fairness.ts).
 */
export async function enqueueScan(payload: TScanJob & { scanId: string }, opts: { backlog?: number } = {}): Promise<{ jobId: string }> {
  const data = ZScanJob.parse(payload);
  const jobId = scanJobId(payload.scanId);
  const priority = fairPriority(opts.backlog ?? 0);
  await getQueue(QUEUE_SCAN).add(SCAN_JOB_NAME, data, { ...SCAN_JOB_DEFAULTS, jobId, ...(priority ? { priority } : {}) });
  return { jobId };
}

/** Test a cluster's connection; one pending test per cluster at a time. */
export async function enqueueTestConnection(payload: TTestConnectionJob): Promise<{ jobId: string }> {
  const data = ZTestConnectionJob.parse(payload);
  // Unique per request (a user may retest after fixing something) but colon-free, as custom ids must be.
  const jobId = `test-${data.clusterId}-${Date.now()}`;
  await getQueue(QUEUE_CONNECTION).add(TEST_CONNECTION_JOB_NAME, data, {
    jobId,
    attempts: 1,
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 24 * 3600 },
  });
  return { jobId };
}

export interface TScheduleSpec {
  orgId: string;
  clusterId: string;
  enabled: boolean;
  mode: string;
  everyMinutes?: number | null;
  cron?: string | null;
  timezone?: string | null;
}

/** BullMQ repeat settings for a schedule: an interval in ms, or a cron pattern in a time zone. */
export function scheduleRepeat(schedule: TScheduleSpec): { every: number } | { pattern: string; tz: string } {
  return schedule.mode === "cron"
    ? { pattern: schedule.cron ?? "0 3 * * *", tz: schedule.timezone ?? "UTC" }
    : { every: Math.max(5, schedule.everyMinutes ?? 1440) * 60_000 };
}

/**
 * Creates or replaces the cluster's recurring scan; a disabled schedule removes it. An interval
 * starts one interval from now: the scan "now" is the onboarding or manual scan, and re-saving a
 * schedule should not trigger a scan by itself.
 */
export async function upsertScanSchedule(schedule: TScheduleSpec): Promise<void> {
  if (!schedule.enabled) {
    await removeScanSchedule(schedule.clusterId);
    return;
  }
  const repeat = scheduleRepeat(schedule);
  const data = ZScanJob.parse({ orgId: schedule.orgId, clusterId: schedule.clusterId, trigger: "schedule" });
  await getQueue(QUEUE_SCAN).upsertJobScheduler(
    scanSchedulerId(schedule.clusterId),
    "every" in repeat ? { ...repeat, startDate: Date.now() + repeat.every } : repeat,
    {
      name: SCHEDULED_SCAN_JOB_NAME,
      data,
      opts: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } },
    },
  );
}

export async function removeScanSchedule(clusterId: string): Promise<void> {
  await getQueue(QUEUE_SCAN).removeJobScheduler(scanSchedulerId(clusterId));
}

/**
 * Re-enqueues a scan that recovery put back to queued. A finished job with the same id would
 * make the add a no-op, so it is removed first; a waiting or active one is left alone.
 */
export async function requeueScan(payload: TScanJob & { scanId: string }): Promise<{ jobId: string; added: boolean }> {
  const jobId = scanJobId(payload.scanId);
  const existing = await getQueue(QUEUE_SCAN).getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== "completed" && state !== "failed") return { jobId, added: false };
    await existing.remove();
  }
  await enqueueScan(payload);
  return { jobId, added: true };
}

export const REPORT_JOB_NAME = "report";

/**
 * Enqueues generation of a queued Report row; enqueueing the same report twice is a no-op.
 * `backlog`: the organization's reports already waiting (fair order, see fairness.ts).
 */
export async function enqueueReport(payload: TReportJob, opts: { backlog?: number } = {}): Promise<{ jobId: string }> {
  const data = ZReportJob.parse(payload);
  const jobId = reportJobId(data.reportId);
  const priority = fairPriority(opts.backlog ?? 0);
  await getQueue(QUEUE_REPORT).add(REPORT_JOB_NAME, data, { ...retrying(2, 5_000), jobId, ...(priority ? { priority } : {}) });
  return { jobId };
}

export const SCHEDULED_REPORT_JOB_NAME = "scheduled-report";

/** Cron for a report cadence: Mondays or the 1st of the month, 06:00 UTC. */
export function reportRepeat(cadence: string): { pattern: string; tz: string } {
  return { pattern: cadence === "monthly" ? "0 6 1 * *" : "0 6 * * 1", tz: "UTC" };
}

/** Creates or replaces the job scheduler of a report schedule. */
export async function upsertReportSchedule(schedule: { id: string; orgId: string; cadence: string }): Promise<void> {
  const data = ZScheduledReportJob.parse({ orgId: schedule.orgId, scheduleId: schedule.id });
  await getQueue(QUEUE_REPORT).upsertJobScheduler(reportSchedulerId(schedule.id), reportRepeat(schedule.cadence), {
    name: SCHEDULED_REPORT_JOB_NAME,
    data,
    opts: { attempts: 2, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: { age: 7 * 24 * 3600, count: 1000 }, removeOnFail: { age: 30 * 24 * 3600 } },
  });
}

export async function removeReportSchedule(scheduleId: string): Promise<void> {
  await getQueue(QUEUE_REPORT).removeJobScheduler(reportSchedulerId(scheduleId));
}

export const ALERTS_FOR_SCAN_JOB_NAME = "alerts-for-scan";
export const ALERT_DELIVERY_JOB_NAME = "alert-delivery";
export const ALERT_DIGEST_JOB_NAME = "alert-digest";

/**
 * Plans the alerts of a finished scan; enqueueing the same scan twice is a no-op. A live scan
 * record is updated many times in its hour: each update passes its own `update` id so it is
 * planned too (the deliveries' dedupeKey still alerts once per finding and scan).
 */
export async function enqueueAlertsForScan(payload: TAlertsForScanJob, opts: { update?: string } = {}): Promise<{ jobId: string }> {
  const data = ZAlertsForScanJob.parse(payload);
  const jobId = opts.update ? `${alertsForScanJobId(data.scanId)}-${opts.update.replaceAll(":", "-")}` : alertsForScanJobId(data.scanId);
  await getQueue(QUEUE_ALERT).add(ALERTS_FOR_SCAN_JOB_NAME, data, { ...retrying(3, 5_000), jobId });
  return { jobId };
}

/** Default retry policy of a delivery: 5 attempts, 30 s, 1 min, 2 min, 4 min apart. */
export const ALERT_DELIVERY_ATTEMPTS = 5;

/** Sends one delivery row; a duplicated enqueue of the same row is a no-op. */
export async function enqueueAlertDelivery(payload: TAlertDeliveryJob, opts: { backoffMs?: number; attempts?: number } = {}): Promise<{ jobId: string }> {
  const data = ZAlertDeliveryJob.parse(payload);
  const jobId = alertDeliveryJobId(data.deliveryId);
  await getQueue(QUEUE_ALERT).add(ALERT_DELIVERY_JOB_NAME, data, {
    ...retrying(opts.attempts ?? ALERT_DELIVERY_ATTEMPTS, opts.backoffMs ?? 30_000, { doneCount: 5000 }),
    jobId,
  });
  return { jobId };
}

/** Registers (or keeps) the daily digest scheduler: 08:00 UTC every day. */
export async function upsertAlertDigestSchedule(pattern = "0 8 * * *"): Promise<void> {
  await getQueue(QUEUE_ALERT).upsertJobScheduler(ALERT_DIGEST_SCHEDULER_ID, { pattern, tz: "UTC" }, {
    name: ALERT_DIGEST_JOB_NAME,
    data: ZAlertDigestJob.parse({}),
    opts: { attempts: 2, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: { age: 7 * 24 * 3600, count: 100 }, removeOnFail: { age: 30 * 24 * 3600 } },
  });
}

/** One channel's digest for one day; the day in the id makes a second fan-out that day a no-op. */
export async function enqueueAlertDigest(payload: { orgId: string; channelId: string; day: string }): Promise<{ jobId: string }> {
  const data = ZAlertDigestJob.parse({ orgId: payload.orgId, channelId: payload.channelId });
  const jobId = `digest-${payload.channelId}-${payload.day}`;
  await getQueue(QUEUE_ALERT).add(ALERT_DIGEST_JOB_NAME, data, { ...retrying(2, 30_000, { doneHours: 72, doneCount: 5000 }), jobId });
  return { jobId };
}

/** Applies one approved fix request; a duplicated enqueue (approving twice) is a no-op. */
export async function enqueueFixApply(payload: TFixApplyJob): Promise<{ jobId: string }> {
  const data = ZFixApplyJob.parse(payload);
  const jobId = fixApplyJobId(data.fixRequestId);
  // One attempt: a patch that failed is reported on the request, never re-applied behind anyone's back.
  await getQueue(QUEUE_REMEDIATION).add(FIX_APPLY_JOB_NAME, data, { ...retrying(1, 10_000, { doneCount: 5000 }), jobId });
  return { jobId };
}

/** Pushes one change to a ticket system, retried with backoff; the same ticket/action/key is sent once. */
export async function enqueueTicketDelivery(payload: TTicketDeliveryJob, opts: { key?: string; backoffMs?: number; attempts?: number } = {}): Promise<{ jobId: string }> {
  const data = ZTicketDeliveryJob.parse(payload);
  const jobId = ticketDeliveryJobId(data.ticketId, data.action, opts.key);
  await getQueue(QUEUE_TICKET).add(TICKET_DELIVERY_JOB_NAME, data, {
    ...retrying(opts.attempts ?? TICKET_DELIVERY_ATTEMPTS, opts.backoffMs ?? 30_000, { doneCount: 5000 }),
    jobId,
  });
  return { jobId };
}

/** Registers (or keeps) the scheduler that syncs ticket status every few minutes. */
export async function upsertTicketSyncSchedule(everyMs = TICKET_SYNC_EVERY_MS): Promise<void> {
  await getQueue(QUEUE_TICKET).upsertJobScheduler(TICKET_SYNC_SCHEDULER_ID, { every: everyMs }, {
    name: TICKET_SYNC_JOB_NAME,
    data: ZTicketSyncJob.parse({}),
    opts: { removeOnComplete: 100, removeOnFail: 100 },
  });
}

/** Syncs one integration's tickets now (after a change in Bulwark, or from the settings page). */
export async function enqueueTicketSync(payload: TTicketSyncJob): Promise<{ jobId: string }> {
  const data = ZTicketSyncJob.parse(payload);
  const job = await getQueue(QUEUE_TICKET).add(TICKET_SYNC_JOB_NAME, data, retrying(2, 30_000));
  return { jobId: job.id ?? "" };
}
