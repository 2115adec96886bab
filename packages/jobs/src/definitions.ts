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
