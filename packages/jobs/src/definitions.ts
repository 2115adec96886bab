// Job contracts shared by web (enqueues) and worker (processes): queue names, payload schemas and
// scheduler ids. Payloads are parsed with these schemas on both sides.
import { z } from "zod";

export const QUEUE_SCAN = "bulwark-scan";
export const QUEUE_CONNECTION = "bulwark-connection";

export const ZScanJob = z.object({
  orgId: z.string().min(1),
  clusterId: z.string().min(1),
  /** The Scan row created (status queued) before enqueueing; absent for scheduled scans, which create their own. */
  scanId: z.string().min(1).optional(),
  trigger: z.enum(["manual", "schedule", "onboarding", "api"]),
});
export type TScanJob = z.infer<typeof ZScanJob>;

export const ZTestConnectionJob = z.object({
  orgId: z.string().min(1),
  clusterId: z.string().min(1),
});
export type TTestConnectionJob = z.infer<typeof ZTestConnectionJob>;

/** Scheduler id for a cluster's recurring scan (BullMQ upsertJobScheduler). */
export const scanSchedulerId = (clusterId: string) => `scan:${clusterId}`;
/** Job id for a requested scan: one job per Scan row, so a duplicated enqueue is a no-op. */
export const scanJobId = (scanId: string) => `scan-${scanId}`;

export const QUEUE_REPORT = "bulwark-report";

/** Generate one framework report; the Report row (status queued) exists before the job. */
export const ZReportJob = z.object({
  orgId: z.string().min(1),
  reportId: z.string().min(1),
});
export type TReportJob = z.infer<typeof ZReportJob>;
/** Job id for a report: one job per Report row, so a duplicated enqueue is a no-op. */
export const reportJobId = (reportId: string) => `report-${reportId}`;

/** A scheduled report run: the worker creates the Report row for this run, then renders it. */
export const ZScheduledReportJob = z.object({
  orgId: z.string().min(1),
  scheduleId: z.string().min(1),
});
export type TScheduledReportJob = z.infer<typeof ZScheduledReportJob>;
/** Scheduler id for a report schedule (BullMQ upsertJobScheduler). */
export const reportSchedulerId = (scheduleId: string) => `report:${scheduleId}`;

// Alerts (issue 6): one queue carries planning ("alerts for this scan"), delivery, digests and tests.
export const QUEUE_ALERT = "bulwark-alert";

/** After a scan's results are stored: turn its new and reopened findings into deliveries. */
export const ZAlertsForScanJob = z.object({
  orgId: z.string().min(1),
  scanId: z.string().min(1),
});
export type TAlertsForScanJob = z.infer<typeof ZAlertsForScanJob>;
/** One planning job per scan, so a duplicated enqueue is a no-op. */
export const alertsForScanJobId = (scanId: string) => `alerts-${scanId}`;

/** Send one AlertDelivery row (alert, digest or test); retried with backoff. */
export const ZAlertDeliveryJob = z.object({
  orgId: z.string().min(1),
  deliveryId: z.string().min(1),
});
export type TAlertDeliveryJob = z.infer<typeof ZAlertDeliveryJob>;
/** One job per delivery row: a duplicated enqueue of the same delivery is a no-op. */
export const alertDeliveryJobId = (deliveryId: string) => `delivery-${deliveryId}`;

/** The daily digest: without channelId, fan out to every channel with digests on. */
export const ZAlertDigestJob = z.object({
  orgId: z.string().min(1).optional(),
  channelId: z.string().min(1).optional(),
});
export type TAlertDigestJob = z.infer<typeof ZAlertDigestJob>;
/** The one job scheduler that starts the daily digest of every channel. */
export const ALERT_DIGEST_SCHEDULER_ID = "alert-digest";

export const QUEUE_EXCEPTIONS = "bulwark-exceptions";
/** The expiry sweep of risk exceptions (all organizations); `now` (ISO) only for tests. */
export const ZExceptionSweepJob = z.object({ now: z.string().datetime().optional() });
export type TExceptionSweepJob = z.infer<typeof ZExceptionSweepJob>;
/** The one job scheduler that runs the sweep (every few minutes). */
export const EXCEPTION_SWEEP_SCHEDULER_ID = "exception-expiry";
export const EXCEPTION_SWEEP_EVERY_MS = 5 * 60_000;

export const QUEUE_COMPLIANCE = "bulwark-compliance";
/** The attestation expiry sweep (all organizations): reminders before expiry, a note at expiry; `now` (ISO) only for tests. */
export const ZAttestationSweepJob = z.object({ now: z.string().datetime().optional() });
export type TAttestationSweepJob = z.infer<typeof ZAttestationSweepJob>;
export const ATTESTATION_SWEEP_JOB_NAME = "attestation-sweep";
/** The one job scheduler that runs the sweep (reminders are days ahead: every quarter hour is plenty). */
export const ATTESTATION_SWEEP_SCHEDULER_ID = "attestation-expiry";
export const ATTESTATION_SWEEP_EVERY_MS = 15 * 60_000;

// Remediation (issue 19): approved fixes applied with a cluster's write credential.
export const QUEUE_REMEDIATION = "bulwark-remediation";
/** Apply one approved FixRequest: dry run, patch, then a verifying rescan. */
export const ZFixApplyJob = z.object({
  orgId: z.string().min(1),
  fixRequestId: z.string().min(1),
});
export type TFixApplyJob = z.infer<typeof ZFixApplyJob>;
export const FIX_APPLY_JOB_NAME = "fix-apply";
/** One job per fix request: approving twice is a no-op. */
export const fixApplyJobId = (fixRequestId: string) => `fix-${fixRequestId}`;

// Tickets (issue 19): Jira and GitHub issues for findings, risks and rule groups.
export const QUEUE_TICKET = "bulwark-ticket";
/** One change to push to a ticket system; retried with backoff like alert deliveries. */
export const ZTicketDeliveryJob = z.object({
  orgId: z.string().min(1),
  ticketId: z.string().min(1),
  /** "create" the remote issue, "close" it (with a comment), or "comment" on it */
  action: z.enum(["create", "close", "comment"]),
  /** the comment to add (close and comment) */
  comment: z.string().max(10_000).optional(),
});
export type TTicketDeliveryJob = z.infer<typeof ZTicketDeliveryJob>;
export const TICKET_DELIVERY_JOB_NAME = "ticket-delivery";
export const TICKET_DELIVERY_ATTEMPTS = 5;
/** One job per ticket and action: a duplicated enqueue is a no-op. */
export const ticketDeliveryJobId = (ticketId: string, action: string, key = "") => `ticket-${ticketId}-${action}${key ? `-${key}` : ""}`;
/** Two-way status: read the remote status of open tickets (all organizations, or one integration). */
export const ZTicketSyncJob = z.object({
  orgId: z.string().min(1).optional(),
  integrationId: z.string().min(1).optional(),
});
export type TTicketSyncJob = z.infer<typeof ZTicketSyncJob>;
export const TICKET_SYNC_JOB_NAME = "ticket-sync";
export const TICKET_SYNC_SCHEDULER_ID = "ticket-sync";
export const TICKET_SYNC_EVERY_MS = 5 * 60_000;
