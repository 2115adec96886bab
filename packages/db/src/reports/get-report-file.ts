import { db } from "../client";

export type TReportFormat = "json" | "csv" | "pdf";

const COLUMNS = {
  json: { sha256: "jsonSha256", signature: "jsonSignature" },
  csv: { sha256: "csvSha256", signature: "csvSignature" },
  pdf: { sha256: "pdfSha256", signature: "pdfSignature" },
} as const;

export interface TReportFileMeta {
  sha256: string;
  /** Base64 Ed25519 signature over the file's bytes; null for reports generated before signing. */
  signature: string | null;
  signingKeyId: string | null;
  framework: string;
  createdAt: Date;
}

/** One rendered file of a finished report, with the checksum and signature recorded when it was generated. */
export async function getReportFile(input: { orgId: string; reportId: string; format: TReportFormat }): Promise<(TReportFileMeta & { bytes: Uint8Array }) | null> {
  const c = COLUMNS[input.format];
  const r = await db.report.findFirst({
    where: { id: input.reportId, orgId: input.orgId, status: "succeeded" },
    select: { framework: true, createdAt: true, signingKeyId: true, [input.format]: true, [c.sha256]: true, [c.signature]: true },
  });
  if (!r) return null;
  const row = r as unknown as Record<string, unknown> & { framework: string; createdAt: Date; signingKeyId: string | null };
  const bytes = row[input.format] as Uint8Array | null;
  const sha256 = row[c.sha256] as string | null;
  if (!bytes || !sha256) return null;
  return { bytes, sha256, signature: (row[c.signature] as string | null) ?? null, signingKeyId: row.signingKeyId, framework: row.framework, createdAt: row.createdAt };
}

/** A finished file's checksum and detached signature, without its bytes (the .sig download). */
export async function getReportFileSignature(input: { orgId: string; reportId: string; format: TReportFormat }): Promise<TReportFileMeta | null> {
  const c = COLUMNS[input.format];
  const r = await db.report.findFirst({
    where: { id: input.reportId, orgId: input.orgId, status: "succeeded" },
    select: { framework: true, createdAt: true, signingKeyId: true, [c.sha256]: true, [c.signature]: true },
  });
  if (!r) return null;
  const row = r as unknown as Record<string, unknown> & { framework: string; createdAt: Date; signingKeyId: string | null };
  const sha256 = row[c.sha256] as string | null;
  if (!sha256) return null;
  return { sha256, signature: (row[c.signature] as string | null) ?? null, signingKeyId: row.signingKeyId, framework: row.framework, createdAt: row.createdAt };
}
