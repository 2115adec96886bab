// The PDF of an access review, as an auditor reads it printed: title, scope, status, who signed it
// off when, the counts, then every item grouped by cluster with its capabilities (why each
// matters and the binding that grants it), the decision, the note and who took it. Rendered from
// the review's rows only, with the same library (pdfkit, built-in Helvetica) as the worker's reports.
import PDFDocument from "pdfkit";
import type { Capability } from "@bulwark/rules";
import { PDF_INK, PDF_MARGINS, PDF_MUTED, pdfEnsure, pdfField, pdfHeading, pdfTable, pdfText, pdfWidth, type TPdfCell, type TPdfColumn, type TPdfDoc } from "../pdf/layout";
import type { TAccessReview, TAccessReviewItem } from "./reviews";

type Doc = TPdfDoc;
type Cell = TPdfCell;
type Column = TPdfColumn;

const M = PDF_MARGINS;
const INK = PDF_INK;
const MUTED = PDF_MUTED;
const DECISION = { keep: { label: "KEEP", color: "#15803d" }, revoke: { label: "REVOKE", color: "#b91c1c" }, pending: { label: "PENDING", color: "#b45309" } } as const;
const STATUS = { open: "Open", "signed-off": "Signed off", cancelled: "Cancelled" } as const;
/** A row never splits across pages, so an item lists this many capabilities in full and names the rest. */
const FULL_CAPABILITIES = 6;

const fmtDate = (d: Date | null) => (d ? `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC` : "-");
const fmtDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

const width = pdfWidth;
const ensure = pdfEnsure;
const heading = (doc: Doc, text: string, size = 13) => pdfHeading(doc, text, size);
const field = (doc: Doc, label: string, value: string) => pdfField(doc, label, value, { size: 9.5 });
const table = pdfTable;

export function subjectLabel(i: Pick<TAccessReviewItem, "subject">): string {
  return `${i.subject.kind} ${i.subject.namespace ? `${i.subject.namespace}/` : ""}${i.subject.name}`;
}

/** "read Secrets in payments (via RoleBinding payments/readers -> ClusterRole view)". */
export function capabilityLine(c: Capability): string {
  const v = c.via;
  const binding = `${v.bindingKind} ${v.bindingNamespace ? `${v.bindingNamespace}/` : ""}${v.binding}`;
  return `${c.title} ${c.scope ? `in ${c.scope}` : "cluster-wide"} (via ${binding} -> ${v.roleKind} ${v.role}${v.viaGroup ? `, as member of ${v.viaGroup}` : ""})`;
}

function capabilitiesText(caps: Capability[]): string {
  if (!caps.length) return "-";
  const full = caps.slice(0, FULL_CAPABILITIES).map((c) => `\u2022 ${capabilityLine(c)}\n   ${c.why}`);
  const rest = caps.slice(FULL_CAPABILITIES);
  if (rest.length) full.push(`+ ${rest.length} more: ${rest.map((c) => `${c.title}${c.scope ? ` in ${c.scope}` : ""}`).join("; ")}`);
  return full.join("\n");
}

/** The review's PDF bytes. */
export async function renderAccessReviewPdf(r: TAccessReview, orgName?: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: M,
    bufferPages: true,
    info: { Title: `Access review - ${r.title}`, Author: "Bulwark", Subject: "Kubernetes access review", Creator: "Bulwark" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text(pdfText(`${orgName ? `${orgName} · ` : ""}Kubernetes access review`), M.left, M.top);
  doc.moveDown(0.3).font("Helvetica-Bold").fontSize(20).fillColor(INK).text(pdfText(r.title), { width: width(doc) });
  doc.moveDown(0.6);
  const statusText =
    r.status === "signed-off"
      ? `Signed off by ${r.signedOffByName ?? "-"} on ${fmtDate(r.signedOffAt)}`
      : r.status === "cancelled"
        ? "Cancelled (not signed off; nothing attested)"
        : `Open: ${r.counts.pending} of ${r.counts.total} items pending`;
  field(doc, "Status", statusText);
  if (r.signOffNote) field(doc, "Sign-off note", r.signOffNote);
  field(doc, "Scope", r.clusters.length ? r.clusters.map((c) => c.clusterName).join(", ") : "-");
  field(doc, "Started", `${fmtDate(r.createdAt)} by ${r.createdByName}`);
  if (r.dueAt) field(doc, "Due", fmtDay(r.dueAt));
  field(doc, "Evidence validity", `${r.validDays} days from sign-off${r.signedOffAt ? ` (until ${fmtDay(new Date(r.signedOffAt.getTime() + r.validDays * 86_400_000))})` : ""}`);
  if (r.attestations.length) field(doc, "Attests", r.attestations.map((a) => `${a.framework.toUpperCase()} ${a.controlId}`).join(", "));
  field(doc, "Review id", r.id);

  heading(doc, "Summary");
  doc.font("Helvetica").fontSize(9.5).fillColor(INK);
  doc.text(pdfText(`${r.counts.total} privileged ${r.counts.total === 1 ? "subject" : "subjects"} reviewed: ${r.counts.keep} kept, ${r.counts.revoke} to be revoked, ${r.counts.pending} pending.`), { width: width(doc) });
  doc.moveDown(0.2).font("Helvetica").fontSize(8.5).fillColor(MUTED);
  doc.text(
    "Items are the subjects (users, groups, service accounts) whose RBAC grants give cluster-admin or equivalent rights (admin) or other high-risk rights (high) in the cluster's access model when the review started; Kubernetes' and the platform's own subjects are left out. Capabilities are as they were at the start.",
    { width: width(doc) },
  );
  doc.moveDown(0.5);
  const byCluster = new Map<string, TAccessReviewItem[]>();
  for (const i of r.items) byCluster.set(i.clusterId, [...(byCluster.get(i.clusterId) ?? []), i]);
  const w = width(doc);
  table(
    doc,
    [
      { header: "Cluster", width: w - 240 },
      { header: "Items", width: 60 },
      { header: "Kept", width: 60 },
      { header: "Revoke", width: 60 },
      { header: "Pending", width: 60 },
    ],
    r.clusters.map((c) => {
      const items = byCluster.get(c.clusterId) ?? [];
      const n = (d: string) => String(items.filter((i) => i.decision === d).length);
      return [{ text: c.clusterName, bold: true }, { text: String(items.length) }, { text: n("keep") }, { text: n("revoke") }, { text: n("pending") }];
    }),
  );

  const cols: Column[] = [
    { header: "Subject", width: 105 },
    { header: "Level", width: 38 },
    { header: "Capabilities, why, and the grant", width: 190 },
    { header: "Decision", width: 47 },
    { header: "Note, by, at", width: w - 380 },
  ];
  for (const c of r.clusters) {
    const items = byCluster.get(c.clusterId) ?? [];
    heading(doc, `${c.clusterName}: ${items.length} ${items.length === 1 ? "item" : "items"}`, 12);
    if (!items.length) {
      doc.font("Helvetica").fontSize(9).fillColor(MUTED).text("No privileged subject outside Kubernetes' and the platform's own.", { width: w });
      doc.moveDown(0.5);
      continue;
    }
    table(
      doc,
      cols,
      items.map((i) => [
        { text: subjectLabel(i), bold: true },
        { text: i.privilege || "-" },
        { text: capabilitiesText(i.capabilities), size: 7 },
        { text: DECISION[i.decision].label, color: DECISION[i.decision].color, bold: true },
        { text: i.decision === "pending" ? "-" : `${i.note || "(no note)"}\n${i.decidedByName ?? "-"}, ${fmtDate(i.decidedAt)}` },
      ]),
    );
  }

  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - 38;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(`Access review "${r.title}" · ${STATUS[r.status]} · Bulwark`), M.left, fy, { width: w - 80, lineBreak: false });
    doc.text(`Page ${p - range.start + 1} of ${range.count}`, M.left + w - 80, fy, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
