import { db } from "../client";

export type TReportFormat = "json" | "csv" | "pdf";

/** One rendered file of a finished report, with the checksum recorded when it was generated. */
export async function getReportFile(input: { orgId: string; reportId: string; format: TReportFormat }): Promise<{ bytes: Uint8Array; sha256: string; framework: string; createdAt: Date } | null> {
  const r = await db.report.findFirst({
    where: { id: input.reportId, orgId: input.orgId, status: "succeeded" },
    select: { framework: true, createdAt: true, [input.format]: true, [`${input.format}Sha256`]: true },
  });
  if (!r) return null;
  const row = r as unknown as Record<string, unknown> & { framework: string; createdAt: Date };
  const bytes = row[input.format] as Uint8Array | null;
  const sha256 = row[`${input.format}Sha256`] as string | null;
  if (!bytes || !sha256) return null;
  return { bytes, sha256, framework: row.framework, createdAt: row.createdAt };
}
