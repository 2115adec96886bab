// The PDF of an access review, as an auditor reads it printed: title, scope, status, who signed it
// off when, the counts, then every item grouped by cluster with its capabilities (why each
// matters and the binding that grants it), the decision, the note and who took it. Rendered from
// the review's rows only, with the same library (pdfkit, built-in Helvetica) as the worker's reports.
import PDFDocument from "pdfkit";
import type { Capability } from "@bulwark/rules";
import type { TAccessReview, TAccessReviewItem } from "./reviews";

type Doc = PDFKit.PDFDocument;

const M = { top: 64, bottom: 60, left: 50, right: 50 };
const INK = "#18181b";
const MUTED = "#52525b";
const RULE = "#d4d4d8";
const DECISION = { keep: { label: "KEEP", color: "#15803d" }, revoke: { label: "REVOKE", color: "#b91c1c" }, pending: { label: "PENDING", color: "#b45309" } } as const;
const STATUS = { open: "Open", "signed-off": "Signed off", cancelled: "Cancelled" } as const;
/** A row never splits across pages, so an item lists this many capabilities in full and names the rest. */
const FULL_CAPABILITIES = 6;

/** Keeps text inside WinAnsi (what the standard fonts can draw); anything else becomes "?". */
function pdfText(s: string | number | null | undefined): string {
  if (s == null) return "";
  return String(s).replace(/[^\t\n\r\x20-\x7e\xa0-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, "?");
}

const fmtDate = (d: Date | null) => (d ? `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC` : "-");
const fmtDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

interface Column {
  header: string;
  width: number;
}
type Cell = { text: string; color?: string; bold?: boolean; size?: number };

const bottom = (doc: Doc) => doc.page.height - M.bottom;
const width = (doc: Doc) => doc.page.width - M.left - M.right;

function ensure(doc: Doc, h: number) {
  if (doc.y + h > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 13) {
  ensure(doc, size * 4);
  doc.moveDown(0.5).font("Helvetica-Bold").fontSize(size).fillColor(INK).text(pdfText(text), M.left, doc.y, { width: width(doc) });
  doc.moveDown(0.3);
}

function field(doc: Doc, label: string, value: string) {
  doc.font("Helvetica").fontSize(9.5);
  ensure(doc, doc.heightOfString(pdfText(`${label}: ${value}`), { width: width(doc) }) + 2);
  doc.font("Helvetica-Bold").fillColor(INK).text(pdfText(`${label}: `), M.left, doc.y, { width: width(doc), continued: true });
  doc.font("Helvetica").fillColor(INK).text(pdfText(value));
}

/** A table whose rows never split; the header row repeats on every page it spans. */
function table(doc: Doc, cols: Column[], rows: Cell[][]) {
  const pad = 3;
  const size = 8;
  const drawHeader = () => {
    doc.font("Helvetica-Bold").fontSize(size);
    const h = Math.max(...cols.map((c) => doc.heightOfString(pdfText(c.header), { width: c.width - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    doc.rect(M.left, y, cols.reduce((a, c) => a + c.width, 0), h).fill("#f4f4f5");
    let x = M.left;
    for (const c of cols) {
      doc.fillColor(INK).text(pdfText(c.header), x + pad, y + pad, { width: c.width - 2 * pad });
      x += c.width;
    }
    doc.y = y + h;
  };
  ensure(doc, 50);
  drawHeader();
  for (const cells of rows) {
    const h =
      Math.max(
        ...cells.map((c, i) => {
          doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(c.size ?? size);
          return doc.heightOfString(pdfText(c.text) || " ", { width: cols[i]!.width - 2 * pad });
        }),
      ) + 2 * pad;
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = M.left;
    cells.forEach((c, i) => {
      doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(c.size ?? size).fillColor(c.color ?? INK);
      doc.text(pdfText(c.text), x + pad, y + pad, { width: cols[i]!.width - 2 * pad });
      x += cols[i]!.width;
    });
    doc.moveTo(M.left, y + h).lineTo(x, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + h;
  }
  doc.x = M.left;
  doc.moveDown(0.6);
}

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
