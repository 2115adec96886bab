// Scheduled framework reports: an admin picks a framework, a cadence and optionally a webhook; the
// worker's job scheduler creates and renders a report on that cadence.
import type { ReportSchedule } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";

export const REPORT_CADENCES = ["weekly", "monthly"] as const;
export type TReportCadence = (typeof REPORT_CADENCES)[number];

export async function createReportSchedule(input: {
  orgId: string;
  framework: string;
  cadence: TReportCadence;
  clusterIds?: string[];
  webhookUrl?: string | null;
  appUrl?: string | null;
  createdById?: string | null;
}): Promise<ReportSchedule> {
  if (!REPORT_CADENCES.includes(input.cadence)) throw new DomainError("cadence must be weekly or monthly");
  const ids = [...new Set(input.clusterIds ?? [])];
  if (ids.length) {
    const found = await db.cluster.count({ where: { orgId: input.orgId, id: { in: ids } } });
    if (found !== ids.length) throw new NotFoundError("cluster");
  }
  return db.reportSchedule.create({
    data: {
      orgId: input.orgId, framework: input.framework, cadence: input.cadence, clusterIds: ids,
      webhookUrl: input.webhookUrl || null, appUrl: input.appUrl || null, createdById: input.createdById ?? null,
    },
  });
}

export async function listReportSchedules(input: { orgId: string }): Promise<ReportSchedule[]> {
  return db.reportSchedule.findMany({ where: { orgId: input.orgId }, orderBy: { createdAt: "asc" } });
}

/** Every enabled schedule of every organization: the worker keeps its job schedulers in step with these. */
export async function listAllReportSchedules(): Promise<Pick<ReportSchedule, "id" | "orgId" | "cadence">[]> {
  return db.reportSchedule.findMany({ where: { enabled: true }, select: { id: true, orgId: true, cadence: true } });
}

export async function getReportSchedule(input: { orgId: string; scheduleId: string }): Promise<ReportSchedule | null> {
  return db.reportSchedule.findFirst({ where: { id: input.scheduleId, orgId: input.orgId } });
}

/** Deletes the schedule; the reports it produced stay. Answers false when there was nothing to delete. */
export async function deleteReportSchedule(input: { orgId: string; scheduleId: string }): Promise<boolean> {
  const res = await db.reportSchedule.deleteMany({ where: { id: input.scheduleId, orgId: input.orgId } });
  return res.count > 0;
}

/**
 * Creates the report of one scheduled run. `runKey` (the scheduler's run time) makes a retried
 * run reuse its report instead of creating a second one.
 */
export async function createScheduledReport(input: { orgId: string; scheduleId: string; runAt: Date }) {
  const s = await getReportSchedule(input);
  if (!s || !s.enabled) return null;
  const existing = await db.report.findFirst({ where: { orgId: input.orgId, scheduleId: s.id, createdAt: input.runAt } });
  if (existing) return { schedule: s, report: existing };
  const clusterIds = s.clusterIds.length
    ? (await db.cluster.findMany({ where: { orgId: input.orgId, id: { in: s.clusterIds } }, select: { id: true } })).map((c) => c.id)
    : (await db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true } })).map((c) => c.id);
  if (clusterIds.length === 0) return { schedule: s, report: null };
  const report = await db.report.create({
    data: { orgId: input.orgId, framework: s.framework, clusterIds, scheduleId: s.id, createdById: s.createdById, createdAt: input.runAt },
  });
  await db.reportSchedule.update({ where: { id: s.id }, data: { lastRunAt: input.runAt } });
  return { schedule: s, report };
}
