// The PDF a person reads: cover (scope, period, signing key), table of contents with page numbers,
// executive summary for an auditor (scope, period, control counts, the change since the previous
// report), one section per control (rationale, status, attestation, rules, evidence), exceptions and
// settings in force, the fixable critical vulnerabilities in scope, the scans used, and an appendix with the evidence of every rule with many
// objects. Nothing is cut: a rule's objects are listed in its control's section, or all of them in
// the appendix.
//
// Memory: the pages before the evidence appendix are kept (bufferPages) so the contents and the
// "Page X of Y" footers can be filled in; the appendix, which can run to thousands of pages, is laid
// out first without drawing (to know its page count), then drawn and flushed page by page.
// pdfkit's built-in Helvetica needs no font files; text is limited to what its encoding can draw.
import PDFDocument from "pdfkit";
import { PDF_INK, PDF_MARGINS, PDF_MUTED, PDF_RULE, pdfBottom, pdfCell, pdfEnsure, pdfField, pdfHeading, pdfTable, pdfText, type TPdfCell, type TPdfColumn, type TPdfDoc } from "@bulwark/db";
import { CONTROL_STATUS_LABELS, type ControlStatus } from "@bulwark/rules";
import { FileBuffer } from "./byte-sink";
import { findingIndex, fixedVersionsText } from "./render-csv";
import type { TReportControl, TReportData, TReportFindingOut, TReportVulnOut } from "./build-report";

type Doc = TPdfDoc;
type Column = TPdfColumn;
type Cell = TPdfCell;

const M = PDF_MARGINS;
const INK = PDF_INK;
const MUTED = PDF_MUTED;
const RULE = PDF_RULE;
const STATUS: Record<ControlStatus, { label: string; color: string }> = {
  passed: { label: "PASSED", color: "#15803d" },
  failed: { label: "FAILED", color: "#b91c1c" },
  "not-evaluated": { label: "NOT EVALUATED", color: "#52525b" },
  "not-applicable": { label: "NOT APPLICABLE", color: "#71717a" },
  attested: { label: "MANUAL – ATTESTED", color: "#4338ca" },
  pending: { label: "MANUAL – PENDING", color: "#b45309" },
};
/** A rule with more objects than this has its evidence in the appendix rather than in each control. */
export const INLINE_EVIDENCE_MAX = 10;
/** Above this many clusters the per-cluster matrix gives way to each control's grouped list. */
const MATRIX_MAX_CLUSTERS = 24;

export { pdfText };

const fmtDate = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "-");
const fmtDay = (iso: string | null) => (iso ? iso.slice(0, 10) : "-");
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const bottom = pdfBottom;
const ensure = pdfEnsure;
const heading = pdfHeading;

function para(doc: Doc, text: string, opts: { color?: string; size?: number; bold?: boolean; indent?: number } = {}) {
  doc.font(opts.bold ? "Helvetica-Bold" : "Helvetica").fontSize(opts.size ?? 9.5).fillColor(opts.color ?? INK);
  const x = M.left + (opts.indent ?? 0);
  const w = doc.page.width - x - M.right;
  ensure(doc, Math.min(doc.heightOfString(pdfText(text), { width: w }), 200));
  doc.text(pdfText(text), x, doc.y, { width: w });
}

const field = pdfField;
const table = pdfTable;

const statusCell = (s: ControlStatus, label?: string): Cell => ({ text: label ?? STATUS[s].label, color: STATUS[s].color, bold: true });

function box(doc: Doc, title: string, colors: { stroke: string; title: string }, body: (x: number, w: number) => void) {
  const w = doc.page.width - M.left - M.right;
  ensure(doc, 80);
  const startPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const y0 = doc.y;
  doc.font("Helvetica-Bold").fontSize(9.5).fillColor(colors.title).text(pdfText(title), M.left + 10, y0 + 8, { width: w - 20 });
  doc.moveDown(0.2);
  body(M.left + 10, w - 20);
  const y1 = doc.y + 6;
  // The frame is drawn behind the text only when the box stayed on one page; otherwise a rule marks its start.
  if (doc.bufferedPageRange().start + doc.bufferedPageRange().count === startPage) {
    doc.save().rect(M.left, y0, w, y1 - y0).lineWidth(0.8).strokeColor(colors.stroke).stroke().restore();
    doc.save().rect(M.left, y0, 3, y1 - y0).fill(colors.stroke).restore();
  }
  doc.y = y1 + 8;
  doc.x = M.left;
}

function disclaimer(doc: Doc, text: string) {
  box(doc, "Not legal advice", { stroke: "#d97706", title: "#92400e" }, (x, w) => {
    doc.font("Helvetica").fontSize(9).fillColor("#78350f").text(pdfText(text), x, doc.y + 2, { width: w });
  });
}

const objectOf = (f: TReportFindingOut) => `${f.cluster}: ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`;

const STATE: Record<TReportFindingOut["state"], { label: string; color: string }> = {
  open: { label: "failing", color: "#b91c1c" },
  excepted: { label: "excepted", color: "#6d28d9" },
  expected: { label: "expected", color: "#52525b" },
};

function stateText(f: TReportFindingOut): string {
  if (f.state === "excepted") return f.exception?.expiresAt ? `excepted until ${fmtDay(f.exception.expiresAt)}` : "excepted";
  if (f.state === "expected") return `expected: ${f.expected?.id ?? "platform"}`;
  return f.resolvedAt ? `failing (fixed ${fmtDay(f.resolvedAt)})` : "failing";
}

// Ref is the finding's id in this report: the same in findings[] of the JSON and finding_ref of the CSV.
const EVIDENCE_COLS = (width: number): Column[] => [
  { header: "Ref", width: 32 },
  { header: "Cluster: object", width: 132 },
  { header: "Field path", width: 150 },
  { header: "Observed", width: 72 },
  { header: "Severity", width: 38 },
  { header: "State", width: width - 424 },
];
const evidenceCells = (f: TReportFindingOut): Cell[] => [{ text: f.id, color: MUTED }, objectOf(f), f.path, f.observed ?? "-", f.severity, { text: stateText(f), color: STATE[f.state].color, bold: f.state === "open" }];

/** The rule's result over the clusters: failed anywhere, else not judged somewhere, else passed. */
function ruleResult(c: TReportControl, ruleId: string, ev: TReportControl["evidence"][number] | undefined): Cell {
  const per = c.clusters.map((cl) => cl.rules.find((r) => r.id === ruleId));
  const failedOn = per.filter((r) => r?.status === "failed").length;
  if (failedOn) return { text: `failed on ${plural(failedOn, "cluster")}: ${plural(ev?.open ?? 0, "failing object")}`, color: STATUS.failed.color, bold: true };
  const other = per.find((r) => !r || r.status !== "passed");
  if (other || per.length === 0) return { text: other ? `${other.status}${other.reason ? `: ${other.reason}` : ""}` : "no scan", color: MUTED };
  const extra = ev ? [ev.excepted ? `${ev.excepted} excepted` : "", ev.expected ? `${ev.expected} expected` : ""].filter(Boolean).join(", ") : "";
  return { text: `passed${extra ? ` (${extra})` : ""}`, color: STATUS.passed.color };
}

interface TAppendixSection {
  ruleId: string;
  title: string;
  refs: string[];
  open: number;
  excepted: number;
  expected: number;
  controls: string[];
  /** Filled by the layout pass: the section's first page, counted from the appendix's first page (0). */
  page: number;
}

/** The appendix's sections: every rule with more evidence than fits in its controls' sections. */
function appendixSections(r: TReportData): TAppendixSection[] {
  const out = new Map<string, TAppendixSection>();
  for (const c of r.controls) {
    for (const ev of c.evidence) {
      if (ev.findings.length <= INLINE_EVIDENCE_MAX) continue;
      const s = out.get(ev.ruleId);
      if (s) s.controls.push(c.id);
      else out.set(ev.ruleId, { ruleId: ev.ruleId, title: c.rules.find((x) => x.id === ev.ruleId)?.title ?? ev.ruleId, refs: ev.findings, open: ev.open, excepted: ev.excepted, expected: ev.expected, controls: [c.id], page: 0 });
    }
  }
  return [...out.values()];
}

const ROW_PAD = 3;
const ROW_SIZE = 7.5;

/** Rows between two yields to the event loop: drawing thousands of pages must not hold the worker's job lock renewals and connections. */
const ROWS_PER_TICK = 250;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

interface TAppendixLayout {
  pages: number;
  /** Each row's height. */
  heights: Float32Array;
  /** Per row, a bit per cell that fits on one line (drawn without the line wrapper). */
  fits: Uint8Array;
}

/**
 * Lays out (draw = false) or draws the evidence appendix from its first page on. Both passes take
 * the same decisions from the same measured heights, so the page count the layout pass finds is
 * the one the drawing pass produces.
 */
async function appendix(doc: Doc, r: TReportData, sections: TAppendixSection[], known: TAppendixLayout | null, draw: { newPage: () => void } | null): Promise<TAppendixLayout> {
  const width = doc.page.width - M.left - M.right;
  const cols = EVIDENCE_COLS(width);
  const limit = doc.page.height - M.bottom;
  const total = sections.reduce((a, s) => a + s.refs.length, 0);
  const hs = known?.heights ?? new Float32Array(total);
  const fitBits = known?.fits ?? new Uint8Array(total);
  // Widths and wrapped heights of repeated cell texts (paths, values, states), measured once:
  // glyph widths and kerning are most of the layout's time.
  const widths = new Map<string, number>();
  const widthOf = (text: string, bold: boolean) => {
    const key = bold ? `b${text}` : `r${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(ROW_SIZE);
      w = doc.widthOfString(text);
      if (widths.size > 100_000) widths.clear();
      widths.set(key, w);
    }
    return w;
  };
  const heights = new Map<string, number>();
  const heightOf = (text: string, bold: boolean, col: number) => {
    const key = `${col}${bold ? "b" : "r"}${text}`;
    let h = heights.get(key);
    if (h === undefined) {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(ROW_SIZE);
      h = doc.heightOfString(text, { width: cols[col]!.width - 2 * ROW_PAD });
      if (heights.size > 100_000) heights.clear();
      heights.set(key, h);
    }
    return h;
  };
  doc.font("Helvetica-Bold").fontSize(ROW_SIZE);
  const headerH = Math.max(...cols.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * ROW_PAD }))) + 2 * ROW_PAD;
  doc.font("Helvetica").fontSize(ROW_SIZE);
  const oneLine = doc.heightOfString("Ag", { width: 1000 });
  let page = 0;
  let y = M.top;
  const newPage = () => {
    page++;
    y = M.top;
    draw?.newPage();
  };
  const tableHeader = () => {
    if (draw) {
      doc.rect(M.left, y, width, headerH).fill("#f4f4f5");
      doc.font("Helvetica-Bold").fontSize(ROW_SIZE).fillColor(INK);
      let x = M.left;
      for (const c of cols) {
        doc.text(c.header, x + ROW_PAD, y + ROW_PAD, { width: c.width - 2 * ROW_PAD, lineBreak: false });
        x += c.width;
      }
    }
    y += headerH;
  };
  // The appendix's own title and how to read it.
  const intro =
    "Every object behind a rule with more than " +
    `${INLINE_EVIDENCE_MAX} objects, one section per rule, failing objects first. A control's section names the rules whose evidence is here. Ref is the finding's id in this report's JSON (findings[].id) and CSV (finding_ref). ` +
    "State: failing (counts against the control), excepted (accepted risk, see Exceptions in force), expected (a platform component the cluster needs; listed, never failing).";
  doc.font("Helvetica").fontSize(8.5);
  const introH = doc.heightOfString(intro, { width });
  if (draw) {
    doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text("Appendix B: evidence by rule", M.left, y, { width });
    doc.font("Helvetica").fontSize(8.5).fillColor(MUTED).text(intro, M.left, y + 26, { width });
  }
  y += 26 + introH + 10;
  let row = 0;
  const outline = draw ? doc.outline.addItem("Appendix B: evidence by rule") : null;
  for (const [k, s] of sections.entries()) {
    const meta = pdfText(`${s.title}. ${plural(s.refs.length, "object")}: ${s.open} failing, ${s.excepted} excepted, ${s.expected} expected. Evidence for ${s.controls.join(", ")}.`);
    doc.font("Helvetica").fontSize(8);
    const head = 22 + doc.heightOfString(meta, { width }) + 6;
    if (y + head + headerH + 30 > limit) newPage();
    s.page = page;
    if (draw) {
      outline!.addItem(pdfText(`B.${k + 1}  ${s.ruleId}`));
      doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(pdfText(`B.${k + 1}  ${s.ruleId}`), M.left, y + 4, { width, lineBreak: false });
      doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(meta, M.left, y + 20, { width });
    }
    y += head;
    tableHeader();
    for (const ref of s.refs) {
      const f = r.findings[findingIndex(ref)]!;
      const cells = evidenceCells(f).map((c) => {
        const cell = pdfCell(c);
        return { ...cell, text: pdfText(cell.text) || " " };
      });
      // A cell that fits on one line is measured by its width and drawn without the line wrapper:
      // most are, and the appendix has one row per object.
      let h = hs[row]!;
      if (!known) {
        let bits = 0;
        h = oneLine;
        cells.forEach((c, i) => {
          if (widthOf(c.text, c.bold === true) <= cols[i]!.width - 2 * ROW_PAD) {
            bits |= 1 << i;
            return;
          }
          h = Math.max(h, heightOf(c.text, c.bold === true, i));
        });
        h += 2 * ROW_PAD;
        hs[row] = h;
        fitBits[row] = bits;
      }
      if (y + h > limit) {
        newPage();
        tableHeader();
      }
      if (draw) {
        let x = M.left;
        const bits = fitBits[row]!;
        cells.forEach((c, i) => {
          doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(ROW_SIZE).fillColor(c.color ?? INK);
          doc.text(c.text, x + ROW_PAD, y + ROW_PAD, bits & (1 << i) ? { lineBreak: false } : { width: cols[i]!.width - 2 * ROW_PAD });
          x += cols[i]!.width;
        });
        doc.moveTo(M.left, y + h).lineTo(M.left + width, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
      }
      y += h;
      if (++row % ROWS_PER_TICK === 0) await tick();
    }
    y += 10;
  }
  return { pages: page + 1, heights: hs, fits: fitBits };
}

/** The PDF's bytes; `out` collects them (a FileBuffer's collector, reused across a report's files). */
export async function renderPdf(r: TReportData, out: { push: (chunk: Uint8Array) => void; bytes: () => Uint8Array } = new FileBuffer().collector()): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: M,
    bufferPages: true,
    info: { Title: `${r.framework.name} report - ${r.organization.name}`, Author: "Bulwark", Subject: `${r.framework.name} compliance report`, Creator: `Bulwark ${r.bulwarkVersion}` },
  });
  doc.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const width = doc.page.width - M.left - M.right;
  const sections = appendixSections(r);
  const sectionOf = new Map(sections.map((s, k) => [s.ruleId, k]));
  const s = r.summary;
  const scoped = r.scope.source === "compliance-scope";
  const clusterCount = r.scope.clusters.length;
  const nsText = (ns: string[]) => (ns.length ? `namespaces ${ns.join(", ")}, and cluster-scoped objects` : "whole cluster");
  const scopeSentence = scoped
    ? `${r.framework.name} compliance scope set on the Compliance page: ${plural(clusterCount, "cluster")}.`
    : `No compliance scope is set for ${r.framework.name}: the report covers the ${plural(clusterCount, "cluster")} chosen for it, whole.`;
  const periodText = r.period ? (r.period.from === r.period.to ? fmtDate(r.period.from) : `${fmtDate(r.period.from)} to ${fmtDate(r.period.to)}`) : "no cluster had a successful scan";

  // Cover
  doc.font("Helvetica-Bold").fontSize(11).fillColor("#4f46e5").text("BULWARK", M.left, 100);
  doc.moveDown(1.5).font("Helvetica-Bold").fontSize(26).fillColor(INK).text(pdfText(r.framework.name), { width });
  doc.font("Helvetica").fontSize(13).fillColor(MUTED).text(pdfText(`Compliance report · ${r.framework.version}`), { width });
  doc.moveDown(1.5);
  const shown = r.scope.clusters.slice(0, 8).map((c) => `${c.name}: ${nsText(c.namespaces)}`);
  const meta: [string, string][] = [
    ["Organization", r.organization.name],
    ["Scope", [scopeSentence, ...shown, ...(clusterCount > shown.length ? [`and ${clusterCount - shown.length} more, listed in the executive summary`] : [])].join("\n")],
    ["Period", `scans finished ${periodText}`],
    ["Point in time", r.scope.asOf ? `each cluster's latest successful scan at or before ${fmtDate(r.scope.asOf)}` : "each cluster's latest successful scan"],
    ["Generated", fmtDate(r.generatedAt)],
    ["Bulwark version", `${r.bulwarkVersion} (rules ${r.rulesVersion})`],
    ["Report id", r.reportId],
    ["Signed", `Ed25519 key ${r.signing.keyId}. Each file of this report (PDF, CSV, JSON) has a detached signature: check it with "bulwark verify-report FILE FILE.sig --public-key KEY.pem" (the public key is under Settings).`],
  ];
  for (const [k, v] of meta) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(9.5).fillColor(MUTED).text(k, M.left, y, { width: 110 });
    doc.font("Helvetica").fontSize(9.5).fillColor(INK).text(pdfText(v), M.left + 120, y, { width: width - 120 });
    doc.moveDown(0.45);
  }
  doc.moveDown(1);
  if (r.framework.disclaimer) disclaimer(doc, r.framework.disclaimer);
  para(
    doc,
    "Statuses: PASSED only when every rule behind a control passed on every cluster in scope (open findings only: excepted and expected platform findings are listed, never failing). FAILED when a rule found a failing object; an attestation never hides that. NOT EVALUATED: Bulwark could not check it (not visible to the scan, or no rule covers it). NOT APPLICABLE: the control does not apply (the reason is given). MANUAL – ATTESTED: a person signed off with evidence, until a date; MANUAL – PENDING: evidence from people is still needed. Only PASSED counts as passed.",
    { color: MUTED, size: 8.5 },
  );

  // Table of contents: pages reserved now, filled in once every section's page is known.
  const toc: { title: string; page: number; level: number }[] = [];
  const entries = 9 + r.controls.length + sections.length;
  const perPage = Math.floor((doc.page.height - M.top - M.bottom - 40) / 14);
  const tocPages = Math.max(1, Math.ceil(entries / perPage));
  const tocStart = doc.bufferedPageRange().count;
  for (let i = 0; i < tocPages; i++) doc.addPage();
  const pageNo = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  let outlineParent: ReturnType<Doc["outline"]["addItem"]> | null = null;
  const mark = (title: string, level = 0) => {
    toc.push({ title, page: pageNo(), level });
    if (level === 0) outlineParent = doc.outline.addItem(pdfText(title));
    else outlineParent?.addItem(pdfText(title));
  };

  // Executive summary
  doc.addPage();
  mark("Executive summary");
  heading(doc, "Executive summary", 18);
  field(doc, "Scope", `${scopeSentence}${r.scope.asOf ? ` Point in time: the latest successful scan at or before ${fmtDate(r.scope.asOf)}.` : ""}`);
  field(doc, "Period", `the scans read finished ${periodText}.`);
  const automated = r.controls.filter((c) => c.kind === "automated");
  field(
    doc,
    "Controls",
    `${s.controls.total} in all: ${s.controls.passed} passed, ${s.controls.failed} failed, ${s.controls.attested} manual – attested, ${s.controls.pending} manual – pending, ${s.controls.notEvaluated} not evaluated, ${s.controls.notApplicable} not applicable. ` +
      `Of the ${automated.length} controls Bulwark checks with rules, ${automated.filter((c) => c.status === "passed").length} passed and ${automated.filter((c) => c.status === "failed").length} failed.`,
  );
  const fo = s.findings.open;
  field(
    doc,
    "Findings",
    `behind this framework's rules in scope: ${fo.critical + fo.high + fo.medium + fo.low + fo.info} failing (${fo.critical} critical, ${fo.high} high, ${fo.medium} medium, ${fo.low} low, ${fo.info} info); ${s.findings.excepted} excepted (accepted risk); ${s.findings.expected} expected for platform components (listed, not failing).`,
  );
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: "Passed", width: width / 7 },
      { header: "Failed", width: width / 7 },
      { header: "Manual – attested", width: width / 7 },
      { header: "Manual – pending", width: width / 7 },
      { header: "Not evaluated", width: width / 7 },
      { header: "Not applicable", width: width / 7 },
      { header: "Total", width: width / 7 },
    ],
    [
      [
        statusCell("passed", String(s.controls.passed)),
        statusCell("failed", String(s.controls.failed)),
        statusCell("attested", String(s.controls.attested)),
        statusCell("pending", String(s.controls.pending)),
        statusCell("not-evaluated", String(s.controls.notEvaluated)),
        statusCell("not-applicable", String(s.controls.notApplicable)),
        { text: String(s.controls.total), bold: true },
      ],
    ],
    10,
  );
  if (s.previous) {
    const p = s.previous;
    para(doc, `Since the previous ${r.framework.name} report of the same scope (${fmtDate(p.createdAt)}, ${p.reportId}): passed ${p.controls.passed} -> ${s.controls.passed}, failed ${p.controls.failed} -> ${s.controls.failed}.`, { bold: true, size: 9.5 });
    para(doc, p.newFailures.length ? `New failures (${p.newFailures.length}): ${p.newFailures.map((c) => `${c.id} ${c.title} (was ${CONTROL_STATUS_LABELS[c.was].toLowerCase()})`).join("; ")}.` : "New failures: none.", { size: 9 });
    para(doc, p.newlyPassing.length ? `Newly passing (${p.newlyPassing.length}): ${p.newlyPassing.map((c) => `${c.id} ${c.title} (was ${CONTROL_STATUS_LABELS[c.was].toLowerCase()})`).join("; ")}.` : "Newly passing: none.", { size: 9 });
  } else {
    para(doc, `This is the first ${r.framework.name} report of this scope; the next one shows what changed since this one (new failures, newly passing controls).`, { color: MUTED, size: 9 });
  }
  para(doc, "No posture score is given: a control passes or fails on its evidence, listed below.", { color: MUTED, size: 8.5 });
  doc.moveDown(0.6);
  heading(doc, "Clusters in scope", 12);
  const scanOf = new Map(r.scans.map((x) => [x.clusterId, x]));
  table(
    doc,
    [
      { header: "Cluster", width: 100 },
      { header: "In scope", width: 125 },
      { header: "Scan finished", width: 80 },
      { header: "Passed", width: 38 },
      { header: "Failed", width: 38 },
      { header: "Attested", width: 40 },
      { header: "Pending", width: 40 },
      { header: "Not eval.", width: width - 461 },
    ],
    s.perCluster.map((pc, i) => {
      const sc = r.scope.clusters[i]!;
      return [pc.cluster, nsText(sc.namespaces), fmtDate(scanOf.get(pc.clusterId)?.finishedAt ?? null), String(pc.controls.passed), String(pc.controls.failed), String(pc.controls.attested), String(pc.controls.pending), String(pc.controls.notEvaluated)];
    }),
  );
  heading(doc, "Controls at a glance", 12);
  table(
    doc,
    [{ header: "Control", width: 95 }, { header: "Title", width: width - 95 - 150 }, { header: "Status", width: 150 }],
    r.controls.map((c) => [c.id, c.title, statusCell(c.status, c.statusLabel)]),
  );

  // With a few clusters, the status of every control on each of them (six clusters per table).
  if (clusterCount > 1 && clusterCount <= MATRIX_MAX_CLUSTERS) {
    heading(doc, "Status by cluster", 12);
    const short: Record<ControlStatus, string> = { passed: "PASSED", failed: "FAILED", "not-evaluated": "NOT EVAL.", "not-applicable": "N/A", attested: "ATTESTED", pending: "PENDING" };
    for (let start = 0; start < clusterCount; start += 6) {
      const group = r.scope.clusters.slice(start, start + 6);
      const colW = Math.floor((width - 95) / group.length);
      table(
        doc,
        [{ header: "Control", width: 95 }, ...group.map((c) => ({ header: c.name, width: colW }))],
        r.controls.map((c) => [
          c.id,
          ...group.map((_, gi) => {
            const st = c.clusters[start + gi]?.status ?? "not-evaluated";
            return { text: short[st], color: STATUS[st].color, bold: true };
          }),
        ]),
      );
    }
  }

  // Controls
  doc.addPage();
  mark("Controls");
  heading(doc, "Controls", 18);
  para(doc, "Requirement titles and section numbers are the framework's; descriptions and rationales are Bulwark's own: what an auditor asks, which configuration answers it, and what Bulwark cannot see.", { color: MUTED, size: 8.5 });
  for (const c of r.controls) control(c);

  function control(c: TReportControl) {
    ensure(doc, 150);
    doc.moveDown(0.8);
    mark(`${c.id}  ${c.title}`, 1);
    const y = doc.y;
    doc.moveTo(M.left, y).lineTo(M.left + width, y).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.y = y + 6;
    doc.font("Helvetica-Bold").fontSize(11.5).fillColor(INK).text(pdfText(`${c.id}  ${c.title}`), M.left, doc.y, { width: width - 130 });
    const afterTitle = doc.y;
    const st = STATUS[c.status];
    doc.font("Helvetica-Bold").fontSize(9).fillColor(st.color).text(pdfText(st.label), M.left + width - 125, y + 8, { width: 125, align: "right" });
    doc.x = M.left;
    doc.y = Math.max(afterTitle, doc.y);
    doc.moveDown(0.2);
    para(doc, c.description, { color: MUTED, size: 9 });
    doc.moveDown(0.2);
    // A manual control's reason is the evidence it needs, stated once below.
    field(doc, "Status", `${c.statusLabel}${c.reason && c.kind !== "manual" ? ` – ${c.reason}` : ""}`);
    field(doc, "Rationale", c.rationale, { size: 8.5 });
    if (c.manualEvidence) field(doc, "Evidence needed", c.manualEvidence, { size: 8.5 });
    doc.moveDown(0.4);
    if (c.attestation) {
      const a = c.attestation;
      box(doc, `Attestation – ${a.attestedBy}, ${fmtDay(a.attestedAt)}; in force until ${fmtDay(a.expiresAt)}`, { stroke: "#4338ca", title: "#3730a3" }, (x, w) => {
        field(doc, "Statement", a.statement, { x, width: w, size: 8.5 });
        field(doc, "Owner", a.owner, { x, width: w, size: 8.5 });
        field(doc, "Evidence reviewed", fmtDay(a.reviewedAt), { x, width: w, size: 8.5 });
        if (a.links.length) field(doc, "Links", a.links.join("  "), { x, width: w, size: 8.5 });
        if (a.files.length) {
          field(doc, "Evidence files", `${a.files.length} (SHA-256 of each file as uploaded)`, { x, width: w, size: 8.5 });
          for (const f of a.files) field(doc, f.name, `${plural(f.size, "byte")}, ${f.contentType}, sha256 ${f.sha256}`, { x: x + 8, width: w - 8, size: 8 });
        } else field(doc, "Evidence files", "none attached", { x, width: w, size: 8.5 });
        if (c.kind === "automated" && c.status === "failed") para(doc, "A failing check is not hidden by an attestation: the control stays FAILED until its rules pass.", { color: STATUS.failed.color, size: 8, indent: x - M.left });
      });
    } else if (c.status === "pending") {
      box(doc, "Manual – pending: no attestation in force", { stroke: "#b45309", title: "#92400e" }, (x, w) => {
        doc.font("Helvetica").fontSize(8.5).fillColor(INK).text(pdfText(`An administrator attests this control on the Compliance page with a statement, its owner, evidence files and an expiry.`), x, doc.y, { width: w });
      });
    }
    // Clusters: one row each for a few, grouped by status for many (a manual or not applicable
    // control has the same status everywhere: no table).
    if (c.kind === "automated") {
      if (c.clusters.length <= 12) {
        table(
          doc,
          [{ header: "Cluster", width: 110 }, { header: "Status", width: 110 }, { header: "Why", width: width - 220 }],
          c.clusters.map((cl) => [cl.cluster, statusCell(cl.status, CONTROL_STATUS_LABELS[cl.status]), cl.reason ?? (cl.status === "passed" ? `${plural(cl.rules.length, "rule")} passed` : "")]),
        );
      } else {
        const groups = new Map<ControlStatus, string[]>();
        for (const cl of c.clusters) groups.set(cl.status, [...(groups.get(cl.status) ?? []), cl.cluster]);
        table(
          doc,
          [{ header: "Status", width: 110 }, { header: "Clusters", width: width - 110 }],
          [...groups].map(([stt, names]) => [statusCell(stt, `${CONTROL_STATUS_LABELS[stt]} (${names.length})`), names.join(", ")]),
        );
      }
    }
    if (c.rules.length) {
      const evOf = new Map(c.evidence.map((e) => [e.ruleId, e]));
      table(
        doc,
        [{ header: c.kind === "automated" ? "Rule" : "Supporting rule", width: 130 }, { header: "What it checks", width: width - 130 - 50 - 140 }, { header: "Severity", width: 50 }, { header: "Result", width: 140 }],
        c.rules.map((ru) => [ru.id, ru.title, ru.severity ?? "-", ruleResult(c, ru.id, evOf.get(ru.id))]),
      );
    }
    for (const ev of c.evidence) {
      const total = ev.findings.length;
      const counts = `${ev.open} failing, ${ev.excepted} excepted, ${ev.expected} expected`;
      const k = sectionOf.get(ev.ruleId);
      if (k !== undefined && total > INLINE_EVIDENCE_MAX) {
        para(doc, `Evidence for ${ev.ruleId}: ${plural(total, "object")} (${counts}), all listed in Appendix B.${k + 1}.`, { bold: true, size: 8.5 });
        doc.moveDown(0.3);
        continue;
      }
      para(doc, `Evidence for ${ev.ruleId}: ${plural(total, "object")} (${counts})`, { bold: true, size: 8.5 });
      table(doc, EVIDENCE_COLS(width), ev.findings.map((ref) => evidenceCells(r.findings[findingIndex(ref)]!)), ROW_SIZE);
    }
  }

  // Accepted risk and the policy behind the findings
  doc.addPage();
  mark("Exceptions in force");
  heading(doc, "Exceptions in force", 18);
  if (r.exceptions.length === 0) {
    para(doc, "No exception was in force at the report's point in time: every finding counts.", { color: MUTED });
  } else {
    para(doc, "Accepted risk approved by an administrator, each with a scope, a justification and an expiry. Findings they cover are listed as excepted, never dropped.", { color: MUTED, size: 8.5 });
    table(
      doc,
      [{ header: "Rule and scope", width: 150 }, { header: "Justification", width: width - 150 - 205 }, { header: "Approved by", width: 100 }, { header: "Expires", width: 60 }, { header: "Findings", width: 45 }],
      r.exceptions.map((e) => [`${e.ruleId}: ${e.scope}`, e.justification, e.approvedBy ? `${e.approvedBy}${e.approvedAt ? ` on ${fmtDay(e.approvedAt)}` : ""}` : "-", fmtDay(e.expiresAt), String(e.findings)]),
    );
  }
  ensure(doc, 160);
  doc.moveDown(1);
  mark("Settings in force");
  heading(doc, "Settings in force", 14);
  para(doc, "The organization's policy when this report was generated: it decides what counts as a finding and when it is due.", { color: MUTED, size: 8.5 });
  const set = r.settings;
  const overrides = Object.entries(set.severityOverrides);
  table(
    doc,
    [{ header: "Setting", width: 150 }, { header: "Value", width: width - 150 }],
    [
      ["Severity overrides", overrides.length ? overrides.map(([k, v]) => `${k} -> ${v}`).join("; ") : "none (rule defaults)"],
      ["Disabled rules", set.disabledRules.length ? set.disabledRules.join(", ") : "none"],
      ...Object.entries(set.params).map(([k, v]): Cell[] => [k === "allowedRegistries" ? "Allowed image registries" : k === "blockedRegistries" ? "Blocked image registries" : k, v.length ? v.join(", ") : "-"]),
      ["Due dates (days to fix)", Object.entries(set.sla).map(([k, v]) => `${k} ${v ?? "none"}`).join(", ")],
      ["Custom rules", set.customRules.length ? set.customRules.map((c) => `${c.ruleId} (${c.severity}${c.enabled ? "" : ", disabled"}): ${c.expression}`).join("\n") : "none"],
    ],
  );

  // Whatever the framework: what to patch first, with the versions that fix it.
  doc.addPage();
  mark("Fixable critical vulnerabilities");
  heading(doc, "Fixable critical vulnerabilities", 18);
  const vulns = r.vulnerabilities?.fixableCritical ?? [];
  if (vulns.length === 0) {
    para(doc, "No workload in scope runs an image with a critical CVE that has a fix, per the vulnerability reports the scans read (Trivy Operator reports in the cluster, documents imported from CI). Images no report covers are not judged: where no report exists at all, image-vulnerabilities is not evaluated under the controls.", { color: MUTED });
  } else {
    para(doc, `${plural(vulns.length, "workload container")} in scope run an image with a critical CVE that has a fixed version (CVE exceptions and the scanner's VEX statements left out). Ref is the row's id in this report's JSON (vulnerabilities.fixableCritical[].id) and CSV (vulnerability_ref); the state is its image-vulnerabilities finding's.`, { color: MUTED, size: 8.5 });
    table(
      doc,
      [{ header: "Ref", width: 28 }, { header: "Cluster: workload", width: 130 }, { header: "Container: image", width: 120 }, { header: "CVE, package, installed -> fixed", width: width - 28 - 130 - 120 - 62 }, { header: "State", width: 62 }],
      vulns.map((v: TReportVulnOut): Cell[] => [
        { text: v.id, color: MUTED },
        `${v.cluster}: ${v.workload.kind} ${v.workload.namespace ? `${v.workload.namespace}/` : ""}${v.workload.name}`,
        `${v.container}: ${v.image}`,
        fixedVersionsText(v).replace(/; /g, "\n"),
        { text: `${STATE[v.state].label}${v.stale ? ", report stale" : ""}`, color: STATE[v.state].color, bold: v.state === "open" },
      ]),
      ROW_SIZE,
    );
  }

  doc.addPage();
  mark("Appendix A: scans used");
  heading(doc, "Appendix A: scans used", 18);
  table(
    doc,
    [{ header: "Cluster", width: 100 }, { header: "Scan id", width: 135 }, { header: "Status", width: 55 }, { header: "Finished", width: 95 }, { header: "Objects", width: 45 }, { header: "Rules version", width: width - 430 }],
    r.scans.map((sc) => [sc.cluster, sc.scanId ?? "no successful scan", sc.status ?? "-", fmtDate(sc.finishedAt), String(sc.objectCount ?? "-"), sc.rulesVersion ?? "-"]),
  );

  // The evidence appendix: laid out first (page count and each section's page), drawn last.
  const front = pageNo();
  const layout = sections.length ? await appendix(doc, r, sections, null, null) : null;
  const totalPages = front + (layout?.pages ?? 0);
  if (sections.length) {
    toc.push({ title: "Appendix B: evidence by rule", page: front + 1, level: 0 });
    sections.forEach((sec, k) => toc.push({ title: `B.${k + 1}  ${sec.ruleId}`, page: front + 1 + sec.page, level: 1 }));
  }

  // Fill the table of contents.
  doc.switchToPage(tocStart);
  doc.y = M.top;
  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text("Contents", M.left, M.top);
  doc.moveDown(0.6);
  let page = tocStart;
  for (const e of toc) {
    if (doc.y + 14 > bottom(doc)) {
      page++;
      doc.switchToPage(page);
      doc.y = M.top;
    }
    const y = doc.y;
    const indent = e.level * 14;
    doc.font(e.level ? "Helvetica" : "Helvetica-Bold").fontSize(e.level ? 9 : 10).fillColor(INK);
    const title = pdfText(e.title);
    const label = title.length > 80 ? `${title.slice(0, 79)}...` : title;
    doc.text(label, M.left + indent, y, { width: width - indent - 40, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(String(e.page), M.left + width - 40, y, { width: 40, align: "right", lineBreak: false });
    doc.y = y + 14;
  }

  // Header and footer on every page but the cover.
  const chrome = (i: number) => {
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica-Bold").fontSize(8).fillColor(MUTED).text(pdfText(r.organization.name), M.left, 30, { width: width / 2, lineBreak: false });
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(`${r.framework.name} · ${fmtDate(r.generatedAt)}`), M.left + width / 2, 30, { width: width / 2, align: "right", lineBreak: false });
    doc.moveTo(M.left, 44).lineTo(M.left + width, 44).lineWidth(0.5).strokeColor(RULE).stroke();
    const fy = doc.page.height - 38;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(`Bulwark ${r.bulwarkVersion} · rules ${r.rulesVersion} · signed, key ${r.signing.keyId}${r.framework.disclaimer ? " · Bulwark's interpretation, not legal advice" : ""}`), M.left, fy, { width: width - 80, lineBreak: false });
    doc.text(`Page ${i} of ${totalPages}`, M.left + width - 80, fy, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = saved;
  };
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    chrome(i + 1);
  }

  if (sections.length) {
    // Written out now: what is flushed is freed, and the appendix is drawn and flushed as it goes.
    doc.flushPages();
    let n = front;
    const newPage = () => {
      if ((n - front) % 4 === 0 && n > front) doc.flushPages();
      doc.addPage();
      n++;
      chrome(n);
    };
    newPage();
    await appendix(doc, r, sections, layout, { newPage });
  }
  doc.end();
  await done;
  return out.bytes();
}
