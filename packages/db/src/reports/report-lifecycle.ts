// The worker's side of a report: claim it, store each signed file, complete it with its summary and
// scope, or record why it failed. A retried job finds a succeeded report and does nothing twice.
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

/** What a report covered, as Report.scope stores it: each cluster and its namespaces (empty: whole). */
export type TReportScope = Array<{ clusterId: string; clusterName: string; namespaces: string[] }>;

/** Same clusters and namespaces, whatever their names or order: the key "same scope" compares. */
export function reportScopeKey(scope: ReadonlyArray<{ clusterId: string; namespaces: readonly string[] }>): string {
  return scope
    .map((c) => `${c.clusterId}:${[...c.namespaces].sort().join(",")}`)
    .sort()
    .join(";");
}

/**
 * Stores one rendered file of a running report with its SHA-256 and detached signature, on its
 * own, so the worker can render, store and drop the files one at a time: a report over many
 * clusters holds tens of MB per file.
 */
export async function storeReportFile(input: { orgId: string; reportId: string; format: TReportFormat; bytes: Uint8Array; sha256: string; signature: string }): Promise<void> {
  const bytes = input.bytes as Uint8Array<ArrayBuffer>;
  const data: Prisma.ReportUpdateManyMutationInput =
    input.format === "json"
      ? { json: bytes, jsonSha256: input.sha256, jsonSignature: input.signature }
      : input.format === "csv"
        ? { csv: bytes, csvSha256: input.sha256, csvSignature: input.signature }
        : { pdf: bytes, pdfSha256: input.sha256, pdfSignature: input.signature };
  await db.report.updateMany({ where: { id: input.reportId, orgId: input.orgId, status: "running" }, data });
}

/** Marks the report succeeded; its files must have been stored with storeReportFile. */
export async function completeReport(input: {
  orgId: string;
  reportId: string;
  summary: Prisma.InputJsonValue;
  scope: TReportScope;
  previousReportId: string | null;
  signingKeyId: string;
}): Promise<void> {
  await db.report.updateMany({
    where: { id: input.reportId, orgId: input.orgId, status: "running" },
    data: {
      status: "succeeded",
      finishedAt: new Date(),
      summary: input.summary,
      scope: input.scope as unknown as Prisma.InputJsonValue,
      clusterIds: input.scope.map((c) => c.clusterId),
      previousReportId: input.previousReportId,
      signingKeyId: input.signingKeyId,
      error: null,
    },
  });
}

export async function failReport(input: { orgId: string; reportId: string; error: string }): Promise<void> {
  await db.report.updateMany({ where: { id: input.reportId, orgId: input.orgId }, data: { status: "failed", finishedAt: new Date(), error: input.error.slice(0, 2000) } });
}

/** How far back "the previous report of the same framework and scope" is looked for. */
const PREVIOUS_LOOKBACK = 200;

/**
 * The last succeeded report of the same framework and the same scope (clusters and namespaces)
 * created before this one, for "what changed since the previous report".
 */
export async function getPreviousReport(input: { orgId: string; framework: string; scope: TReportScope; before: Date; excludeId?: string }): Promise<{ id: string; createdAt: Date; summary: unknown } | null> {
  const key = reportScopeKey(input.scope);
  const rows = await db.report.findMany({
    where: { orgId: input.orgId, framework: input.framework, status: "succeeded", createdAt: { lt: input.before }, ...(input.excludeId ? { id: { not: input.excludeId } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, scope: true },
    take: PREVIOUS_LOOKBACK,
  });
  const same = rows.find((r) => Array.isArray(r.scope) && reportScopeKey(r.scope as TReportScope) === key);
  return same ? db.report.findFirst({ where: { id: same.id, orgId: input.orgId }, select: { id: true, createdAt: true, summary: true } }) : null;
}
