export * from "./definitions";
export { jobsEnv, defaultQueuePrefix, type TJobsEnv } from "./env";
export { getQueueConnection, getQueue, closeQueues, createQueueConnection, resolveBackend, type QueueConnection, type QueueBackendName } from "./connection";
export {
  enqueueScan,
  enqueueTestConnection,
  requeueScan,
  upsertScanSchedule,
  scheduleRepeat,
  removeScanSchedule,
  SCAN_JOB_NAME,
  SCHEDULED_SCAN_JOB_NAME,
  TEST_CONNECTION_JOB_NAME,
  enqueueReport,
  REPORT_JOB_NAME,
  upsertReportSchedule,
  removeReportSchedule,
  reportRepeat,
  SCHEDULED_REPORT_JOB_NAME,
  type TScheduleSpec,
} from "./enqueue";
export {
  enqueueAlertsForScan,
  enqueueAlertDelivery,
  enqueueAlertDigest,
  upsertAlertDigestSchedule,
  ALERTS_FOR_SCAN_JOB_NAME,
  ALERT_DELIVERY_JOB_NAME,
  ALERT_DIGEST_JOB_NAME,
  ALERT_DELIVERY_ATTEMPTS,
} from "./enqueue";
export { enqueueFixApply, enqueueTicketDelivery, upsertTicketSyncSchedule, enqueueTicketSync } from "./enqueue";
export { fairPriority, deferDelayMs, deferJob, MAX_PRIORITY, type DeferrableJob } from "./fairness";
export { hitRateLimit, resetRateLimit, closeRateLimiter, type TRateLimit, type TRateLimitResult } from "./rate-limit";
export { checkBackoff, recordBackoffFailure, clearBackoff, backoffDelaySeconds, type TBackoff } from "./backoff";
