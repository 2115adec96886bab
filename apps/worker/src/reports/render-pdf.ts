// The PDF a person reads: cover, table of contents with page numbers, executive summary, one
// section per control, and an appendix of the scans used. Headers carry the organization's name,
// footers the page number; tables repeat their header row when they break across pages.
// pdfkit's built-in Helvetica needs no font files; text is limited to what its encoding can draw.
import PDFDocument from "pdfkit";
import type { TReportData } from "./build-report";

type Doc = PDFKit.PDFDocument;

const M = { top: 64, bottom: 60, left: 50, right: 50 };
const INK = "#18181b";
const MUTED = "#52525b";
const RULE = "#d4d4d8";
const STATUS: Record<string, { label: string; color: string }> = {
  passed: { label: "PASSED", color: "#15803d" },
  failed: { label: "FAILED", color: "#b91c1c" },
  "not-evaluated": { label: "NOT EVALUATED", color: "#52525b" },
  manual: { label: "MANUAL", color: "#3f3f46" },
};
const MAX_FINDINGS_PER_CONTROL = 25;

/** Keeps text inside WinAnsi (what the standard fonts can draw); anything else becomes "?". */
export function pdfText(s: string | number | null | undefined): string {
  if (s == null) return "";
  return String(s)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[^\t\n\r\x20-\x7e\xa0-\xff]/g, "?");
}

const fmtDate = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "-");

interface Column {
  header: string;
  width: number;
}

function bottom(doc: Doc) {
  return doc.page.height - M.bottom;
}

function ensure(doc: Doc, h: number) {
  if (doc.y + h > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 16) {
  ensure(doc, size * 3);
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(size).fillColor(INK).text(pdfText(text), M.left, doc.y, { width: doc.page.width - M.left - M.right });
  doc.moveDown(0.3);
}

function para(doc: Doc, text: string, opts: { color?: string; size?: number; bold?: boolean } = {}) {
  doc.font(opts.bold ? "Helvetica-Bold" : "Helvetica").fontSize(opts.size ?? 9.5).fillColor(opts.color ?? INK);
  const w = doc.page.width - M.left - M.right;
  ensure(doc, Math.min(doc.heightOfString(pdfText(text), { width: w }), 200));
  doc.text(pdfText(text), M.left, doc.y, { width: w });
}

/** A table whose rows never split; the header row is repeated on every page it spans. */
function table(doc: Doc, cols: Column[], rows: Array<Array<string | { text: string; color?: string; bold?: boolean }>>) {
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
  ensure(doc, 40);
  drawHeader();
  for (const row of rows) {
    const cells = row.map((c) => (typeof c === "string" ? { text: c } : c));
    const h =
      Math.max(
        ...cells.map((c, i) => {
          doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size);
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
      doc.font(c.bold ? "Helvetica-Bold" : "Helvetica").fontSize(size).fillColor(c.color ?? INK);
      doc.text(pdfText(c.text), x + pad, y + pad, { width: cols[i]!.width - 2 * pad });
      x += cols[i]!.width;
    });
    doc.moveTo(M.left, y + h).lineTo(x, y + h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + h;
  }
  doc.x = M.left;
  doc.moveDown(0.6);
}

const statusCell = (s: string) => ({ text: STATUS[s]?.label ?? s.toUpperCase(), color: STATUS[s]?.color ?? INK, bold: true });

function disclaimer(doc: Doc, text: string) {
  const w = doc.page.width - M.left - M.right;
  doc.font("Helvetica-Bold").fontSize(9);
  const body = pdfText(text);
  const h = doc.heightOfString(body, { width: w - 20 }) + 34;
  ensure(doc, h);
  const y = doc.y;
  doc.rect(M.left, y, w, h).lineWidth(1).fillAndStroke("#fffbeb", "#d97706");
  doc.fillColor("#92400e").font("Helvetica-Bold").fontSize(9.5).text("Not legal advice", M.left + 10, y + 8, { width: w - 20 });
  doc.font("Helvetica").fontSize(9).fillColor("#78350f").text(body, M.left + 10, doc.y + 2, { width: w - 20 });
  doc.y = y + h + 8;
  doc.x = M.left;
}

export async function renderPdf(r: TReportData): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: M,
    bufferPages: true,
    info: { Title: `${r.framework.name} report - ${r.organization.name}`, Author: "Bulwark", Subject: `${r.framework.name} posture report`, Creator: `Bulwark ${r.bulwarkVersion}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const width = doc.page.width - M.left - M.right;

  // Cover
  doc.font("Helvetica-Bold").fontSize(11).fillColor("#4f46e5").text("BULWARK", M.left, 110);
  doc.moveDown(2).font("Helvetica-Bold").fontSize(26).fillColor(INK).text(pdfText(r.framework.name), { width });
  doc.font("Helvetica").fontSize(13).fillColor(MUTED).text(pdfText(`Compliance report · ${r.framework.version}`), { width });
  doc.moveDown(2);
  const meta: [string, string][] = [
    ["Organization", r.organization.name],
    ["Scope", r.scope.clusters.map((c) => c.name).join(", ") || "-"],
    ["Point in time", r.scope.asOf ? `latest successful scan at or before ${fmtDate(r.scope.asOf)}` : "latest successful scan of each cluster"],
    ["Generated", fmtDate(r.generatedAt)],
    ["Bulwark version", r.bulwarkVersion],
    ["Rules version", r.rulesVersion],
    ["Report id", r.reportId],
  ];
  for (const [k, v] of meta) {
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED).text(k, M.left, y, { width: 120 });
    doc.font("Helvetica").fontSize(10).fillColor(INK).text(pdfText(v), M.left + 130, y, { width: width - 130 });
    doc.moveDown(0.5);
  }
  doc.moveDown(1.5);
  if (r.framework.disclaimer) disclaimer(doc, r.framework.disclaimer);
  para(doc, "Statuses: a control is PASSED only when every rule behind it passed on every cluster in scope. NOT EVALUATED means Bulwark could not check it (the data was not visible to the scan, or no rule covers it); MANUAL means it needs evidence from people. Neither is counted as passed.", { color: MUTED, size: 8.5 });

  // Table of contents: pages reserved now, filled in once every section's page is known.
  const toc: { title: string; page: number; level: number }[] = [];
  const entries = 5 + r.controls.length;
  const perPage = Math.floor((doc.page.height - M.top - M.bottom - 40) / 14);
  const tocPages = Math.max(1, Math.ceil(entries / perPage));
  const tocStart = doc.bufferedPageRange().count;
  for (let i = 0; i < tocPages; i++) doc.addPage();
  const mark = (title: string, level = 0) => {
    toc.push({ title, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count, level });
    if (level === 0) doc.outline.addItem(pdfText(title));
  };

  // Executive summary
  doc.addPage();
  mark("Executive summary");
  heading(doc, "Executive summary", 18);
  const s = r.summary;
  para(doc, `Posture score ${s.score ?? "-"} / 100 (the clusters' fleet score, where the worst clusters weigh most; 100 means no open risk or finding). Controls: ${s.controls.passed} passed, ${s.controls.failed} failed, ${s.controls.notEvaluated} not evaluated, ${s.controls.manual} manual, of ${r.controls.length}.`);
  doc.moveDown(0.5);
  if (s.previous) {
    const d = (a: number, b: number) => (a - b === 0 ? "no change" : `${a - b > 0 ? "+" : ""}${a - b}`);
    para(doc, `Since the previous ${r.framework.name} report (${fmtDate(s.previous.createdAt)}): score ${s.previous.score ?? "-"} -> ${s.score ?? "-"}; passed ${d(s.controls.passed, s.previous.controls.passed)}, failed ${d(s.controls.failed, s.previous.controls.failed)}, not evaluated ${d(s.controls.notEvaluated, s.previous.controls.notEvaluated)}.`, { color: MUTED });
  } else {
    para(doc, `This is the first ${r.framework.name} report for this organization; later reports show the trend since this one.`, { color: MUTED });
  }
  doc.moveDown(0.6);
  table(
    doc,
    [{ header: "Cluster", width: 150 }, { header: "Score", width: 55 }, { header: "Passed", width: 65 }, { header: "Failed", width: 65 }, { header: "Not evaluated", width: 85 }, { header: "Manual", width: width - 420 }],
    s.perCluster.map((c) => [c.cluster, String(c.score ?? "no scan"), String(c.controls.passed), String(c.controls.failed), String(c.controls.notEvaluated), String(c.controls.manual)]),
  );
  para(doc, `Findings behind this framework's rules: ${s.findings.critical} critical, ${s.findings.high} high, ${s.findings.medium} medium, ${s.findings.low} low, ${s.findings.info} info; ${s.findings.excepted} excepted.`);
  doc.moveDown(0.8);
  table(
    doc,
    [{ header: "Control", width: 95 }, { header: "Title", width: width - 95 - 90 }, { header: "Status", width: 90 }],
    r.controls.map((c) => [c.id, c.title, statusCell(c.status)]),
  );

  // With several clusters, the status of every control on each of them (six clusters per table).
  if (r.scope.clusters.length > 1) {
    doc.moveDown(0.4);
    heading(doc, "Status by cluster", 12);
    const short: Record<string, string> = { passed: "PASSED", failed: "FAILED", "not-evaluated": "NOT EVAL.", manual: "MANUAL" };
    for (let start = 0; start < r.scope.clusters.length; start += 6) {
      const group = r.scope.clusters.slice(start, start + 6);
      const colW = Math.floor((width - 95) / group.length);
      table(
        doc,
        [{ header: "Control", width: 95 }, ...group.map((c) => ({ header: c.name, width: colW }))],
        r.controls.map((c) => [
          c.id,
          ...group.map((_, gi) => {
            const st = c.clusters[start + gi]?.status ?? "not-evaluated";
            return { text: short[st] ?? st, color: STATUS[st]?.color ?? INK, bold: true };
          }),
        ]),
      );
    }
  }

  // Controls
  doc.addPage();
  mark("Controls");
  heading(doc, "Controls", 18);
  para(doc, "Requirement titles and section numbers are the framework's; the descriptions are Bulwark's own summaries of what each asks of a Kubernetes cluster.", { color: MUTED, size: 8.5 });
  for (const c of r.controls) {
    ensure(doc, 140);
    doc.moveDown(0.8);
    mark(`${c.id}  ${c.title}`, 1);
    const y = doc.y;
    doc.moveTo(M.left, y).lineTo(M.left + width, y).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.y = y + 6;
    doc.font("Helvetica-Bold").fontSize(11.5).fillColor(INK).text(pdfText(`${c.id}  ${c.title}`), M.left, doc.y, { width: width - 100 });
    const afterTitle = doc.y;
    const st = STATUS[c.status]!;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(st.color).text(st.label, M.left + width - 95, y + 8, { width: 95, align: "right" });
    doc.x = M.left;
    doc.y = Math.max(afterTitle, doc.y);
    doc.moveDown(0.3);
    para(doc, c.description, { color: MUTED });
    if (c.manualEvidence) para(doc, `Evidence needed: ${c.manualEvidence}`, { size: 9 });
    doc.moveDown(0.4);
    table(
      doc,
      [{ header: "Cluster", width: 110 }, { header: "Status", width: 85 }, { header: "Why", width: width - 195 }],
      c.clusters.map((cl) => [cl.cluster, statusCell(cl.status), cl.reason ?? (cl.status === "passed" ? `${cl.rules.length} rule(s) passed` : "")]),
    );
    if (c.rules.length) {
      table(
        doc,
        [{ header: "Rule", width: 150 }, { header: "What it checks", width: width - 150 - 60 }, { header: "Severity", width: 60 }],
        c.rules.map((ru) => [ru.id, ru.title, ru.severity ?? "-"]),
      );
    }
    const open = c.findings.filter((f) => f.status !== "excepted");
    const excepted = c.findings.filter((f) => f.status === "excepted");
    if (open.length) {
      para(doc, `Evidence: ${open.length} finding${open.length === 1 ? "" : "s"}`, { bold: true, size: 9 });
      table(
        doc,
        [{ header: "Cluster / object", width: 140 }, { header: "Field path", width: 110 }, { header: "Observed", width: 70 }, { header: "Severity", width: 50 }, { header: "Remediation", width: width - 370 }],
        open.slice(0, MAX_FINDINGS_PER_CONTROL).map((f) => [
          `${f.cluster}: ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`,
          f.path,
          f.observed ?? "-",
          f.severity,
          f.remediation,
        ]),
      );
      if (open.length > MAX_FINDINGS_PER_CONTROL) para(doc, `${open.length - MAX_FINDINGS_PER_CONTROL} more findings are listed in the CSV and JSON files of this report.`, { color: MUTED, size: 8.5 });
    }
    if (excepted.length) {
      para(doc, `Exceptions: ${excepted.length}`, { bold: true, size: 9 });
      table(
        doc,
        [{ header: "Object", width: 140 }, { header: "Justification", width: width - 140 - 200 }, { header: "Accepted by", width: 110 }, { header: "Expires", width: 90 }],
        excepted.map((f) => [
          `${f.cluster}: ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`,
          f.exception?.justification ?? "-",
          f.exception ? `${f.exception.acceptedBy ?? "-"} on ${fmtDate(f.exception.acceptedAt)}` : "-",
          f.exception?.expiresAt ? fmtDate(f.exception.expiresAt) : "no expiry",
        ]),
      );
    }
  }

  // Accepted risk and the policy behind the findings
  doc.addPage();
  mark("Exceptions in force");
  heading(doc, "Exceptions in force", 18);
  if (r.exceptions.length === 0) {
    para(doc, "No exception was in force at the report's point in time: every finding above counts.", { color: MUTED });
  } else {
    para(doc, "Accepted risk approved by an administrator, each with a scope, a justification and an expiry. Findings they cover are listed as excepted, never dropped.", { color: MUTED, size: 8.5 });
    table(
      doc,
      [{ header: "Rule and scope", width: 150 }, { header: "Justification", width: width - 150 - 205 }, { header: "Approved by", width: 100 }, { header: "Expires", width: 60 }, { header: "Findings", width: 45 }],
      r.exceptions.map((e) => [
        `${e.ruleId}: ${e.scope}`,
        e.justification,
        e.approvedBy ? `${e.approvedBy}${e.approvedAt ? ` on ${e.approvedAt.slice(0, 10)}` : ""}` : "-",
        e.expiresAt.slice(0, 10),
        String(e.findings),
      ]),
    );
  }
  ensure(doc, 160);
  doc.moveDown(1);
  mark("Settings in force");
  heading(doc, "Settings in force", 14);
  para(doc, "The organization's policy when this report was generated: it decides what counts as a finding and when it is due.", { color: MUTED, size: 8.5 });
  const st = r.settings;
  const overrides = Object.entries(st.severityOverrides);
  table(
    doc,
    [{ header: "Setting", width: 150 }, { header: "Value", width: width - 150 }],
    [
      ["Severity overrides", overrides.length ? overrides.map(([k, v]) => `${k} -> ${v}`).join("; ") : "none (rule defaults)"],
      ["Disabled rules", st.disabledRules.length ? st.disabledRules.join(", ") : "none"],
      ...Object.entries(st.params).map(([k, v]) => [k === "allowedRegistries" ? "Allowed image registries" : k === "blockedRegistries" ? "Blocked image registries" : k, v.length ? v.join(", ") : "-"]),
      ["Due dates (days to fix)", Object.entries(st.sla).map(([k, v]) => `${k} ${v ?? "none"}`).join(", ")],
      ["Custom rules", st.customRules.length ? st.customRules.map((c) => `${c.ruleId} (${c.severity}${c.enabled ? "" : ", disabled"}): ${c.expression}`).join("\n") : "none"],
    ],
  );

  // Appendix
  doc.addPage();
  mark("Appendix: scans used");
  heading(doc, "Appendix: scans used", 18);
  table(
    doc,
    [{ header: "Cluster", width: 100 }, { header: "Scan id", width: 135 }, { header: "Status", width: 55 }, { header: "Finished", width: 95 }, { header: "Objects", width: 45 }, { header: "Rules version", width: width - 430 }],
    r.scans.map((sc) => [sc.cluster, sc.scanId ?? "no successful scan", sc.status ?? "-", fmtDate(sc.finishedAt), String(sc.objectCount ?? "-"), sc.rulesVersion ?? "-"]),
  );

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
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica-Bold").fontSize(8).fillColor(MUTED).text(pdfText(r.organization.name), M.left, 30, { width: width / 2, lineBreak: false });
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(`${r.framework.name} · ${fmtDate(r.generatedAt)}`), M.left + width / 2, 30, { width: width / 2, align: "right", lineBreak: false });
    doc.moveTo(M.left, 44).lineTo(M.left + width, 44).lineWidth(0.5).strokeColor(RULE).stroke();
    const fy = doc.page.height - 38;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED).text(pdfText(`Bulwark ${r.bulwarkVersion} · rules ${r.rulesVersion}${r.framework.disclaimer ? " · Bulwark's interpretation, not legal advice" : ""}`), M.left, fy, { width: width - 80, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, M.left + width - 80, fy, { width: 80, align: "right", lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
