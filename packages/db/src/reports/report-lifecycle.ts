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

export async function completeReport(input: {
  orgId: string;
  reportId: string;
  summary: Prisma.InputJsonValue;
  files: { json: Uint8Array; csv: Uint8Array; pdf: Uint8Array };
  sha256: { json: string; csv: string; pdf: string };
}): Promise<void> {
  await db.report.updateMany({
    where: { id: input.reportId, orgId: input.orgId },
    data: {
      status: "succeeded",
      finishedAt: new Date(),
      summary: input.summary,
      json: input.files.json as Uint8Array<ArrayBuffer>,
      csv: input.files.csv as Uint8Array<ArrayBuffer>,
      pdf: input.files.pdf as Uint8Array<ArrayBuffer>,
      jsonSha256: input.sha256.json,
      csvSha256: input.sha256.csv,
      pdfSha256: input.sha256.pdf,
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
