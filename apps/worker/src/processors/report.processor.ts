// Generates a framework report: reads each cluster's scan at the report's point in time, judges
// the framework with the engine, renders JSON, CSV and PDF, and stores them with SHA-256 checksums.
// Idempotent: a report that already succeeded is left alone by a retried or duplicated job.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { claimReport, completeReport, failReport, getPreviousReportSummary, getReportInputs } from "@bulwark/db";
import { ZReportJob } from "@bulwark/jobs";
import { RULES_VERSION, getFramework } from "@bulwark/rules";
import type { WorkerContext } from "../context";
import { buildReport } from "../reports/build-report";
import { renderCsv } from "../reports/render-csv";
import { renderPdf } from "../reports/render-pdf";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

let version: string | undefined;
/** The product version printed on the cover (the worker's package version). */
export function bulwarkVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return version;
}

export async function processReport(job: { data: unknown }, ctx: Pick<WorkerContext, "log">): Promise<{ ok: boolean; reason?: string }> {
  const { orgId, reportId } = ZReportJob.parse(job.data);
  const report = await claimReport({ orgId, reportId });
  if (!report) return { ok: true, reason: "already generated or deleted" };
  try {
    const framework = getFramework(report.framework);
    if (!framework) throw new Error(`unknown framework "${report.framework}"`);
    const inputs = await getReportInputs({ orgId, clusterIds: report.clusterIds, asOf: report.asOf });
    if (!inputs) throw new Error("organization not found");
    if (inputs.clusters.length === 0) throw new Error("none of the report's clusters exist any more");
    const previous = await getPreviousReportSummary({ orgId, framework: framework.id, before: report.createdAt });
    const data = buildReport({
      reportId,
      framework,
      inputs,
      asOf: report.asOf,
      generatedAt: new Date(),
      bulwarkVersion: bulwarkVersion(),
      rulesVersion: RULES_VERSION,
      previous,
    });
    const json = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
    const csv = new TextEncoder().encode(renderCsv(data));
    const pdf = await renderPdf(data);
    await completeReport({
      orgId,
      reportId,
      summary: { score: data.summary.score, controls: data.summary.controls, findings: data.summary.findings, clusters: data.scope.clusters.map((c) => c.name) },
      files: { json, csv, pdf },
      sha256: { json: sha256(json), csv: sha256(csv), pdf: sha256(pdf) },
    });
    ctx.log("report generated", { reportId, framework: framework.id, pdfBytes: pdf.length });
    return { ok: true };
  } catch (e) {
    const reason = (e as Error).message;
    await failReport({ orgId, reportId, error: reason });
    ctx.log("report failed", { reportId, error: reason });
    return { ok: false, reason };
  }
}
