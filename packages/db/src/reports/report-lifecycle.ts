// The worker's side of a report: claim it, store the files, or record why it failed. A retried
// job finds a succeeded report and does nothing twice.
import type { Prisma, Report } from "../generated/prisma/client";
import { db } from "../client";

export async function claimReport(input: { orgId: string; reportId: string }): Promise<Report | null> {
  const res = await db.report.updateMany({
    where: { id: input.reportId, orgId: input.orgId, status: { in: ["queued", "running", "failed"] } },
    data: { status: "running", startedAt: new Date(), error: null },
  });
  if (res.count === 0) return null;
  return db.report.findFirst({ where: { id: input.reportId, orgId: input.orgId } });
}

type TReportFormat = "json" | "csv" | "pdf";

/**
 * Stores one rendered file of a running report (and its SHA-256) on its own, so the worker can
 * render, store and drop the files one at a time: a report over many clusters holds tens of MB
 * per file, and keeping all three alive until one UPDATE sent them multiplied the peak memory.
 */
export async function storeReportFile(input: { orgId: string; reportId: string; format: TReportFormat; bytes: Uint8Array; sha256: string }): Promise<void> {
  const bytes = input.bytes as Uint8Array<ArrayBuffer>;
  const data: Prisma.ReportUpdateManyMutationInput =
    input.format === "json" ? { json: bytes, jsonSha256: input.sha256 } : input.format === "csv" ? { csv: bytes, csvSha256: input.sha256 } : { pdf: bytes, pdfSha256: input.sha256 };
  await db.report.updateMany({ where: { id: input.reportId, orgId: input.orgId, status: "running" }, data });
}

/** Marks the report succeeded; files not given here must have been stored with storeReportFile. */
export async function completeReport(input: {
  orgId: string;
  reportId: string;
  summary: Prisma.InputJsonValue;
  files: Partial<Record<TReportFormat, Uint8Array>>;
  sha256: Partial<Record<TReportFormat, string>>;
}): Promise<void> {
  const f = input.files as Partial<Record<TReportFormat, Uint8Array<ArrayBuffer>>>;
  await db.report.updateMany({
    where: { id: input.reportId, orgId: input.orgId },
    data: {
      status: "succeeded",
      finishedAt: new Date(),
      summary: input.summary,
      ...(f.json ? { json: f.json, jsonSha256: input.sha256.json } : {}),
      ...(f.csv ? { csv: f.csv, csvSha256: input.sha256.csv } : {}),
      ...(f.pdf ? { pdf: f.pdf, pdfSha256: input.sha256.pdf } : {}),
      error: null,
    },
  });
}

export async function failReport(input: { orgId: string; reportId: string; error: string }): Promise<void> {
  await db.report.updateMany({ where: { id: input.reportId, orgId: input.orgId }, data: { status: "failed", finishedAt: new Date(), error: input.error.slice(0, 2000) } });
}

/** The last succeeded report of the same framework before this one, for "trend since the previous report". */
export async function getPreviousReportSummary(input: { orgId: string; framework: string; before: Date }): Promise<{ id: string; createdAt: Date; summary: unknown } | null> {
  return db.report.findFirst({
    where: { orgId: input.orgId, framework: input.framework, status: "succeeded", createdAt: { lt: input.before } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, summary: true },
  });
}
