// The worker's side of a report: claim it, store each signed file, complete it with its summary and
// scope, or record why it failed. A retried job finds a succeeded report and does nothing twice.
import pg from "pg";
import type { Prisma, Report } from "../generated/prisma/client";
import { db } from "../client";
import { dbEnv } from "../env";

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

const FILE_COLUMNS = {
  json: { bytes: "json", sha256: "jsonSha256", signature: "jsonSignature" },
  csv: { bytes: "csv", sha256: "csvSha256", signature: "csvSignature" },
  pdf: { bytes: "pdf", sha256: "pdfSha256", signature: "pdfSignature" },
} as const;

/** Bytes per statement when a file is sent to Postgres. */
const STORE_PART = 4 << 20;

/**
 * Stores one rendered file of a running report with its SHA-256 and detached signature, so the
 * worker can render, store and drop the files one at a time. A file of tens of MB goes over a
 * connection of its own in parts of 4 MiB (binary parameters) into a temporary table, and one
 * UPDATE joins them, in one transaction: through the Prisma client the file travelled as base64
 * inside JSON, and in one statement the driver copied all of it into one message, each holding
 * copies of the whole file in the worker; appending part by part instead made Postgres rewrite the
 * value once per part. The checksum and signature are written with the bytes.
 */
export async function storeReportFile(input: { orgId: string; reportId: string; format: TReportFormat; bytes: Uint8Array; sha256: string; signature: string }): Promise<void> {
  const c = FILE_COLUMNS[input.format];
  const client = new pg.Client({ connectionString: dbEnv().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`CREATE TEMP TABLE report_file_part (n int PRIMARY KEY, b bytea NOT NULL) ON COMMIT DROP`);
    // Parts are joined at once: storing them uncompressed saves compressing the file twice.
    await client.query(`ALTER TABLE report_file_part ALTER COLUMN b SET STORAGE EXTERNAL`);
    const all = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    for (let off = 0, n = 0; off < all.length; off += STORE_PART, n++) {
      await client.query(`INSERT INTO report_file_part (n, b) VALUES ($1, $2)`, [n, all.subarray(off, off + STORE_PART)]);
    }
    const res = await client.query(
      `UPDATE "Report" SET "${c.bytes}" = coalesce((SELECT string_agg(b, ''::bytea ORDER BY n) FROM report_file_part), ''::bytea), "${c.sha256}" = $1, "${c.signature}" = $2
       WHERE id = $3 AND "orgId" = $4 AND status = 'running'`,
      [input.sha256, input.signature, input.reportId, input.orgId],
    );
    await client.query("COMMIT");
    if (res.rowCount !== 1) throw new Error("the report is no longer being generated (deleted, or claimed by another run)");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
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
