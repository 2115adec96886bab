// Scheduled framework reports: an admin picks a framework, a cadence and optionally a webhook; the
// worker's job scheduler creates and renders a report on that cadence.
import type { ReportSchedule } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { getComplianceScope } from "../compliance/scope";
import { MAX_REPORT_CLUSTERS } from "./create-report";

export const REPORT_CADENCES = ["weekly", "monthly"] as const;
export type TReportCadence = (typeof REPORT_CADENCES)[number];

/** A webhook as stored: URL and signing secret sealed with the credential keyring (as alert channels). */
export interface TSealedWebhook {
  urlCipher: string;
  host: string;
  secretCipher: string | null;
}

export async function createReportSchedule(input: {
  orgId: string;
  framework: string;
  cadence: TReportCadence;
  clusterIds?: string[];
  webhook?: TSealedWebhook | null;
  appUrl?: string | null;
  createdById?: string | null;
}): Promise<ReportSchedule> {
  if (!REPORT_CADENCES.includes(input.cadence)) throw new DomainError("cadence must be weekly or monthly");
  const ids = [...new Set(input.clusterIds ?? [])];
  if (ids.length > MAX_REPORT_CLUSTERS) throw new DomainError(`a report covers at most ${MAX_REPORT_CLUSTERS} clusters`);
  if (ids.length) {
    const found = await db.cluster.count({ where: { orgId: input.orgId, id: { in: ids } } });
    if (found !== ids.length) throw new NotFoundError("cluster");
  }
  return db.reportSchedule.create({
    data: {
      orgId: input.orgId, framework: input.framework, cadence: input.cadence, clusterIds: ids,
      webhookUrlCipher: input.webhook?.urlCipher ?? null, webhookHost: input.webhook?.host ?? null, webhookSecretCipher: input.webhook?.secretCipher ?? null,
      appUrl: input.appUrl || null, createdById: input.createdById ?? null,
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
  // A framework with a compliance scope is reported over its scope; otherwise the schedule's clusters (or all).
  const scope = await getComplianceScope({ orgId: input.orgId, framework: s.framework });
  const clusterIds = scope.scoped
    ? scope.clusters.map((c) => c.clusterId)
    : s.clusterIds.length
      ? (await db.cluster.findMany({ where: { orgId: input.orgId, id: { in: s.clusterIds } }, select: { id: true } })).map((c) => c.id)
      : (await db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true } })).map((c) => c.id);
  if (clusterIds.length === 0) return { schedule: s, report: null };
  const report = await db.report.create({
    data: { orgId: input.orgId, framework: s.framework, clusterIds, scheduleId: s.id, createdById: s.createdById, createdAt: input.runAt },
  });
  await db.reportSchedule.update({ where: { id: s.id }, data: { lastRunAt: input.runAt } });
  return { schedule: s, report };
}

/**
 * Seals the plaintext webhook URLs that schedules saved before sealing still carry (the worker
 * runs this at start with its keyring) and clears them. Such a schedule has no signing secret:
 * deliveries stay unsigned until it is re-created. Returns how many were sealed.
 */
export async function sealLegacyReportWebhooks(seal: (url: string) => string): Promise<number> {
  const legacy = await db.reportSchedule.findMany({ where: { webhookUrl: { not: null } }, select: { id: true, webhookUrl: true } });
  for (const s of legacy) {
    let host: string | null = null;
    try {
      host = new URL(s.webhookUrl!).host;
    } catch {
      // kept sealed as it was typed; delivery reports the bad URL
    }
    await db.reportSchedule.updateMany({ where: { id: s.id, webhookUrl: s.webhookUrl }, data: { webhookUrlCipher: seal(s.webhookUrl!), webhookHost: host, webhookUrl: null } });
  }
  return legacy.length;
}
