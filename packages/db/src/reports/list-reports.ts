import type { ReportStatus } from "../generated/prisma/enums";
import { db } from "../client";
import { clampLimit } from "../pagination";
import type { TReportScope } from "./report-lifecycle";

export interface TReportRow {
  id: string;
  framework: string;
  clusterIds: string[];
  asOf: Date | null;
  status: ReportStatus;
  error: string | null;
  /** See readReportSummary: null for reports generated before the current summary shape. */
  summary: unknown;
  /** What the report covered (clusters and namespaces); null before it was recorded. */
  scope: TReportScope | null;
  previousReportId: string | null;
  /** Id of the key that signed the files; null for reports generated before signing. */
  signingKeyId: string | null;
  jsonSha256: string | null;
  csvSha256: string | null;
  pdfSha256: string | null;
  scheduleId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: { id: string; email: string; name: string | null } | null;
}

/** Newest first, without the file bytes. */
export async function listReports(input: { orgId: string; limit?: number; cursor?: string }): Promise<{ items: TReportRow[]; nextCursor?: string }> {
  const limit = clampLimit(input.limit, 50);
  const rows = await db.report.findMany({
    where: { orgId: input.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true, framework: true, clusterIds: true, asOf: true, status: true, error: true, summary: true, scope: true, previousReportId: true, signingKeyId: true,
      jsonSha256: true, csvSha256: true, pdfSha256: true, scheduleId: true, createdAt: true, finishedAt: true,
      createdBy: { select: { id: true, email: true, name: true } },
    },
  });
  const items = rows.slice(0, limit).map((r) => ({ ...r, scope: Array.isArray(r.scope) ? (r.scope as unknown as TReportScope) : null }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]?.id : undefined };
}
