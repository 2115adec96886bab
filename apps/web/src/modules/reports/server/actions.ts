"use server";
// Report operations: queue a report (the worker renders it; nothing heavy runs in the request),
// list reports, and hand out a finished file.
import { revalidatePath } from "next/cache";
import { MAX_REPORT_CLUSTERS, countQueuedReports, createReport, createReportSchedule, deleteReportSchedule, getComplianceScope, listReports, writeAudit } from "@bulwark/db";
import { enqueueReport, hitRateLimit, removeReportSchedule, upsertReportSchedule } from "@bulwark/jobs";
import { getFramework } from "@bulwark/rules";
import { z } from "zod";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { env } from "@/env";
import { sealWebhook } from "@/modules/alerts/server/seal-webhook";
import { ZCreateReportSchedule, ZGenerateReport, ZReportScheduleId } from "../reports.schemas";

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** Reports one organization may request per hour: each is a heavy job on a shared worker. */
const REPORTS_PER_ORG = { name: "report:org", limit: 30, windowSeconds: 3600 } as const;

export const generateReportAction = withOrg({ schema: ZGenerateReport, permission: "scan:run" }, async (input, ctx) => {
  if (!getFramework(input.framework)) throw new HttpError(400, "Unknown framework", "invalid_input", { framework: `No framework "${input.framework}"` });
  if (new Set(input.clusterIds).size > MAX_REPORT_CLUSTERS) throw new HttpError(400, "Too many clusters", "invalid_input", { clusterIds: `At most ${MAX_REPORT_CLUSTERS} clusters per report` });
  const limited = await hitRateLimit({ ...REPORTS_PER_ORG, id: ctx.orgId });
  if (!limited.allowed) {
    throw new HttpError(429, `Too many reports requested for this organization; try again in ${Math.ceil(limited.retryAfterSeconds / 60)} minute(s).`, "rate_limited", undefined, { retryAfterSeconds: limited.retryAfterSeconds });
  }
  const asOf = input.asOf ? new Date(`${input.asOf}T23:59:59.999Z`) : null;
  if (asOf && asOf.getTime() > Date.now() + 86_400_000) throw new HttpError(400, "The date is in the future", "invalid_input", { asOf: "Choose today or an earlier day" });
  // A framework with a compliance scope is reported over its scope; otherwise over the chosen clusters.
  const scope = await getComplianceScope({ orgId: ctx.orgId, framework: input.framework });
  if (scope.scoped && scope.clusters.length === 0) {
    throw new HttpError(400, "The framework's compliance scope has no clusters", "invalid_input", { clusterIds: "Every cluster in this framework's compliance scope has been removed: set the scope on the Compliance page" });
  }
  if (!scope.scoped && input.clusterIds.length === 0) throw new HttpError(400, "Choose at least one cluster", "invalid_input", { clusterIds: "Choose at least one cluster" });
  if (scope.scoped && input.clusterIds.length && !sameSet(input.clusterIds, scope.clusters.map((c) => c.clusterId))) {
    throw new HttpError(400, "This framework has a compliance scope", "invalid_input", { clusterIds: "The report covers the framework's compliance scope (set on the Compliance page): leave the clusters out" });
  }
  const report = await createReport({ orgId: ctx.orgId, framework: input.framework, ...(scope.scoped ? {} : { clusterIds: input.clusterIds }), asOf, createdById: ctx.userId });
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "report.create", targetType: "report", targetId: report.id, data: { framework: input.framework, clusters: report.clusterIds.length, scope: scope.scoped ? "compliance-scope" : "chosen-clusters" } });
  try {
    // The organization's other waiting reports put this one behind other tenants' earlier ones.
    await enqueueReport({ orgId: ctx.orgId, reportId: report.id }, { backlog: (await countQueuedReports({ orgId: ctx.orgId })) - 1 });
  } catch (err) {
    console.error("[bulwark/web] enqueue report failed", err);
    throw new HttpError(503, "The report was saved but the job queue is unreachable, so it was not started. Check that Redis and the worker are running.", "queue_unavailable");
  }
  revalidatePath("/reports");
  return { id: report.id, status: report.status };
});

export const listReportsOp = withOrg({ schema: z.object({ cursor: z.string().max(64).optional() }), permission: "org:read" }, async (input, ctx) =>
  listReports({ orgId: ctx.orgId, ...(input.cursor ? { cursor: input.cursor } : {}) }),
);

export const createReportScheduleAction = withOrg({ schema: ZCreateReportSchedule, permission: "settings:manage" }, async (input, ctx) => {
  if (!getFramework(input.framework)) throw new HttpError(400, "Unknown framework", "invalid_input", { framework: `No framework "${input.framework}"` });
  // Vetted against the SSRF guard, sealed and signed like an alert channel (the worker checks the address again).
  const webhook = input.webhookUrl ? await sealWebhook(input.webhookUrl, { signed: true, field: "webhookUrl" }) : null;
  const schedule = await createReportSchedule({
    orgId: ctx.orgId,
    framework: input.framework,
    cadence: input.cadence,
    clusterIds: input.clusterIds,
    webhook: webhook ? { urlCipher: webhook.urlCipher, host: webhook.host, secretCipher: webhook.secretCipher } : null,
    appUrl: env().NEXTAUTH_URL?.replace(/\/$/, "") ?? null,
    createdById: ctx.userId,
  });
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "report_schedule.create", targetType: "report_schedule", targetId: schedule.id, data: { framework: input.framework, cadence: input.cadence } });
  revalidatePath("/reports");
  try {
    await upsertReportSchedule(schedule);
  } catch (err) {
    // The schedule is saved; the worker registers missing schedulers when it starts.
    console.error("[bulwark/web] report scheduler upsert failed", err);
    throw new HttpError(503, "The schedule was saved, but the job queue is unreachable; the worker will pick it up when it restarts.", "queue_unavailable");
  }
  // The only time the signing secret leaves the server.
  return { id: schedule.id, secret: webhook?.secret ?? null };
});

export const deleteReportScheduleAction = withOrg({ schema: ZReportScheduleId, permission: "settings:manage" }, async (input, ctx) => {
  if (!(await deleteReportSchedule({ orgId: ctx.orgId, scheduleId: input.scheduleId }))) throw new HttpError(404, "No such schedule", "not_found");
  await writeAudit({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, action: "report_schedule.delete", targetType: "report_schedule", targetId: input.scheduleId });
  revalidatePath("/reports");
  // A scheduler left behind by an unreachable queue finds no schedule and does nothing; the worker removes it at start-up.
  await removeReportSchedule(input.scheduleId).catch((err) => console.error("[bulwark/web] report scheduler removal failed", err));
  return { deleted: true };
});
