// An access review as files: CSV (one row per item, for spreadsheets and GRC tools) and PDF (for
// auditors, the same file a sign-off attaches to its attestations). Both from the review's rows.
import { db } from "../client";
import { getAccessReview, type TAccessReview } from "./reviews";
import { capabilityLine, renderAccessReviewPdf } from "./reviews-pdf";

const COLUMNS = [
  "review_id", "review_title", "review_status", "cluster", "cluster_id", "subject_kind", "subject_namespace", "subject_name",
  "privilege", "capabilities", "decision", "note", "decided_by", "decided_at", "signed_off_by", "signed_off_at",
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets an apostrophe (OWASP CSV injection). */
export function csvCell(v: string | number | null | undefined): string {
  if (v == null) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface TAccessReviewFile {
  bytes: Buffer;
  /** "access-review-2026-12-07-ab12cd34.csv" */
  filename: string;
  contentType: string;
  review: TAccessReview;
}

function filename(r: TAccessReview, ext: string): string {
  return `access-review-${r.createdAt.toISOString().slice(0, 10)}-${r.id.slice(-8)}.${ext}`;
}

export function renderAccessReviewCsv(r: TAccessReview): Buffer {
  const lines = [COLUMNS.join(",")];
  for (const i of r.items) {
    const row: Record<(typeof COLUMNS)[number], string | null> = {
      review_id: r.id,
      review_title: r.title,
      review_status: r.status,
      cluster: i.clusterName,
      cluster_id: i.clusterId,
      subject_kind: i.subject.kind,
      subject_namespace: i.subject.namespace ?? "",
      subject_name: i.subject.name,
      privilege: i.privilege,
      capabilities: i.capabilities.map(capabilityLine).join("; "),
      decision: i.decision,
      note: i.note,
      decided_by: i.decidedByName,
      decided_at: i.decidedAt?.toISOString() ?? null,
      signed_off_by: r.signedOffByName,
      signed_off_at: r.signedOffAt?.toISOString() ?? null,
    };
    lines.push(COLUMNS.map((k) => csvCell(row[k])).join(","));
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

async function orgName(orgId: string): Promise<string | undefined> {
  return (await db.organization.findUnique({ where: { id: orgId }, select: { name: true } }))?.name;
}

/** The review as CSV, or null when it is not the organization's. */
export async function accessReviewCsv(input: { orgId: string; reviewId: string }): Promise<Buffer | null> {
  const r = await getAccessReview(input);
  return r ? renderAccessReviewCsv(r) : null;
}

/** The review as PDF, or null when it is not the organization's. */
export async function accessReviewPdf(input: { orgId: string; reviewId: string }): Promise<Buffer | null> {
  const r = await getAccessReview(input);
  return r ? renderAccessReviewPdf(r, await orgName(input.orgId)) : null;
}

/** The review as a download (bytes, file name, media type), or null when it is not the organization's. */
export async function exportAccessReview(input: { orgId: string; reviewId: string; format: "csv" | "pdf" }): Promise<TAccessReviewFile | null> {
  const r = await getAccessReview(input);
  if (!r) return null;
  const bytes = input.format === "csv" ? renderAccessReviewCsv(r) : await renderAccessReviewPdf(r, await orgName(input.orgId));
  return { bytes, filename: filename(r, input.format), contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/pdf", review: r };
}
