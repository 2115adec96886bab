// Generates a framework report: judges the framework over its compliance scope (or the chosen
// clusters) at the report's point in time, renders JSON, CSV and PDF, and stores each with its
// SHA-256 and a detached Ed25519 signature under the organization's key (created on first use,
// sealed with the credential keyring). Idempotent: a report that already succeeded is left alone by
// a retried or duplicated job.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  MAX_REPORT_CLUSTERS,
  claimReport,
  completeReport,
  createScheduledReport,
  ensureReportSigningKey,
  failReport,
  getPreviousReport,
  getReportInputs,
  listAllReportSchedules,
  storeReportFile,
  type TReportScope,
} from "@bulwark/db";
import { createReportSigningKey, decryptCredential, signReportFile, unsealReportSigningKey } from "@bulwark/security";
import { QUEUE_REPORT, SCHEDULED_REPORT_JOB_NAME, ZReportJob, ZScheduledReportJob, getQueue, removeReportSchedule, upsertReportSchedule } from "@bulwark/jobs";
import { RULES_VERSION, getFramework } from "@bulwark/rules";
import type { WorkerContext } from "../context";
import { buildReport, reportSummary } from "../reports/build-report";
import { FileBuffer } from "../reports/byte-sink";
import { renderCsv } from "../reports/render-csv";
import { renderJson } from "../reports/render-json";
import { deliverWebhook } from "../reports/deliver-webhook";
import { renderPdf } from "../reports/render-pdf";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let version: string | undefined;
/** The product version printed on the cover (the worker's package version). */
export function bulwarkVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return version;
}

type TJob = { name?: string; data: unknown; timestamp?: number };

type TReportCtx = Pick<WorkerContext, "log" | "keyring"> & Partial<Pick<WorkerContext, "allowPrivateNetworks">> & {
  /** extra trusted CA for the webhook (tests against a loopback receiver) */
  webhookCa?: string;
};

export async function processReport(job: TJob, ctx: TReportCtx): Promise<{ ok: boolean; reason?: string; reportId?: string }> {
  if (job.name === SCHEDULED_REPORT_JOB_NAME) return processScheduledReport(job, ctx);
  const { orgId, reportId } = ZReportJob.parse(job.data);
  return generateReport(orgId, reportId, ctx);
}

/**
 * One run of a report schedule: create this run's report (a retry reuses it: the run is keyed by
 * the job's timestamp), render it, then tell the webhook where to download it.
 */
export async function processScheduledReport(job: TJob, ctx: TReportCtx): Promise<{ ok: boolean; reason?: string; reportId?: string }> {
  const { orgId, scheduleId } = ZScheduledReportJob.parse(job.data);
  const run = await createScheduledReport({ orgId, scheduleId, runAt: new Date(job.timestamp ?? Date.now()) });
  if (!run) return { ok: true, reason: "schedule deleted or disabled" };
  if (!run.report) return { ok: false, reason: "the organization has no clusters" };
  const res = await generateReport(orgId, run.report.id, ctx);
  if (res.ok && run.schedule.webhookUrlCipher) {
    const report = run.report;
    await deliverReportWebhook(run.schedule, {
      event: "report.ready",
      reportId: report.id,
      framework: report.framework,
      scheduleId,
      links: run.schedule.appUrl
        ? {
            reports: `${run.schedule.appUrl}/reports`,
            pdf: `${run.schedule.appUrl}/api/reports/${report.id}/download?format=pdf`,
            csv: `${run.schedule.appUrl}/api/reports/${report.id}/download?format=csv`,
            json: `${run.schedule.appUrl}/api/reports/${report.id}/download?format=json`,
            signatures: `${run.schedule.appUrl}/api/reports/${report.id}/download?format=pdf.sig`,
            publicKey: `${run.schedule.appUrl}/api/reports/signing-key`,
          }
        : null,
    }, ctx).catch((e: Error) => ctx.log("report webhook failed", { scheduleId, reportId: report.id, error: e.message }));
  }
  return { ...res, reportId: run.report.id };
}

/** Unseals the schedule's webhook and signing secret and posts the notice, signed like an alert. */
async function deliverReportWebhook(
  schedule: { webhookUrlCipher: string | null; webhookSecretCipher: string | null },
  body: { event: string; reportId: string } & Record<string, unknown>,
  ctx: TReportCtx,
): Promise<{ status: number }> {
  const url = decryptCredential(schedule.webhookUrlCipher!, ctx.keyring);
  const secret = schedule.webhookSecretCipher ? decryptCredential(schedule.webhookSecretCipher, ctx.keyring) : null;
  return deliverWebhook(url, body, { allowPrivateNetworks: ctx.allowPrivateNetworks ?? false, ...(ctx.webhookCa ? { ca: ctx.webhookCa } : {}) }, { secret, deliveryId: body.reportId, event: body.event });
}

/** Keeps the queue's report schedulers in step with the ReportSchedule table (start-up repair). */
export async function syncReportSchedulers(log: WorkerContext["log"]): Promise<number> {
  const schedules = await listAllReportSchedules();
  for (const s of schedules) await upsertReportSchedule(s).catch((e: Error) => log("report scheduler upsert failed", { scheduleId: s.id, error: e.message }));
  const wanted = new Set(schedules.map((s) => `report:${s.id}`));
  for (const j of await getQueue(QUEUE_REPORT).getJobSchedulers(0, -1)) {
    if (j.key.startsWith("report:") && !wanted.has(j.key)) await removeReportSchedule(j.key.slice("report:".length));
  }
  return schedules.length;
}

async function generateReport(orgId: string, reportId: string, ctx: Pick<WorkerContext, "log" | "keyring">): Promise<{ ok: boolean; reason?: string }> {
  const report = await claimReport({ orgId, reportId });
  if (!report) return { ok: true, reason: "already generated or deleted" };
  try {
    const framework = getFramework(report.framework);
    if (!framework) throw new Error(`unknown framework "${report.framework}"`);
    const inputs = await getReportInputs({ orgId, framework, clusterIds: report.clusterIds, asOf: report.asOf });
    if (inputs.clusters.length === 0) {
      throw new Error(inputs.source === "compliance-scope" ? "the framework's compliance scope has no cluster" : "none of the report's clusters exist any more");
    }
    // A schedule for "all clusters" (or a scope) can outgrow the limit a requested report is held to.
    if (inputs.clusters.length > MAX_REPORT_CLUSTERS) {
      throw new Error(`the report covers ${inputs.clusters.length} clusters; a report covers at most ${MAX_REPORT_CLUSTERS}: ${inputs.source === "compliance-scope" ? "narrow the compliance scope" : "choose the schedule's clusters, or split it"}`);
    }
    const scope: TReportScope = inputs.clusters.map((c) => ({ clusterId: c.id, clusterName: c.name, namespaces: c.namespaces }));
    const previous = await getPreviousReport({ orgId, framework: framework.id, scope, before: report.createdAt, excludeId: reportId });
    const key = await ensureReportSigningKey({ orgId, create: () => createReportSigningKey(ctx.keyring) });
    const signer = unsealReportSigningKey(key.privateKeyCipher, ctx.keyring);
    const data = buildReport({
      reportId,
      framework,
      inputs,
      asOf: report.asOf,
      generatedAt: new Date(),
      bulwarkVersion: bulwarkVersion(),
      rulesVersion: RULES_VERSION,
      signingKeyId: key.keyId,
      previous,
    });
    // Render, sign, store and drop one file at a time: over many clusters each file is tens of MB.
    const sizes: Record<string, number> = {};
    const file = new FileBuffer();
    // The three files share one buffer, the size of the largest: one large allocation per report.
    for (const format of ["json", "csv", "pdf"] as const) {
      const bytes = format === "json" ? file.render((out) => renderJson(data, out)) : format === "csv" ? file.render((out) => renderCsv(data, out)) : await renderPdf(data, file.collector());
      sizes[format] = bytes.byteLength;
      await storeReportFile({ orgId, reportId, format, bytes, sha256: sha256(bytes), signature: signReportFile(signer, bytes) });
    }
    await completeReport({ orgId, reportId, summary: reportSummary(data), scope, previousReportId: previous?.id ?? null, signingKeyId: key.keyId });
    ctx.log("report generated", { reportId, framework: framework.id, clusters: scope.length, findings: data.findings.length, ...sizes });
    return { ok: true };
  } catch (e) {
    const reason = (e as Error).message;
    await failReport({ orgId, reportId, error: reason });
    ctx.log("report failed", { reportId, error: reason });
    return { ok: false, reason };
  }
}
