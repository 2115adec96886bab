// Reads the evidence rows back out of a report PDF's text (poppler's `pdftotext -raw`, which keeps
// the content stream's order): each control section's "Evidence for RULE" lists its rows, or names
// the appendix section that lists them; each row starts with the finding's reference. Each row's
// text is checked to show the object and the state the JSON gives that reference.
import type { TReportData } from "./build-report";

export interface TPdfRow {
  control: string;
  rule: string;
  object: string;
  state: string;
}

const ROW = /^F(\d+) /;
const squash = (s: string) => s.replace(/\s+/g, "");

/** Row references under each heading line (`start`) up to the next heading, with each row's text. */
function rowsUnder(lines: string[], isHead: (l: string) => boolean): Array<{ head: string; headText: string; rows: Array<{ ref: string; text: string }> }> {
  const out: Array<{ head: string; headText: string; rows: Array<{ ref: string; text: string }> }> = [];
  let cur: (typeof out)[number] | null = null;
  let row: { ref: string; text: string } | null = null;
  for (const l of lines) {
    if (isHead(l)) {
      cur = { head: l, headText: l, rows: [] };
      out.push(cur);
      row = null;
      continue;
    }
    if (!cur) continue;
    const m = ROW.exec(l);
    if (m) {
      row = { ref: `F${m[1]}`, text: l };
      cur.rows.push(row);
    } else if (row) row.text += `\n${l}`;
    else cur.headText += `\n${l}`;
  }
  return out;
}

export function pdfRows(raw: string, j: TReportData): TPdfRow[] {
  const lines = raw.split("\n").map((l) => l.replace(/\f/g, ""));
  const chrome = (l: string) => l.startsWith(`${j.organization.name} `) || /^Bulwark .* Page \d+ of \d+$/.test(l);
  const body = lines.filter((l) => !chrome(l));
  // The controls part: between the Controls introduction and the exceptions section.
  const from = body.findIndex((l) => l.startsWith("Requirement titles and section numbers are the framework's"));
  const to = body.findIndex((l, i) => i > from && l === "Exceptions in force");
  const appendixAt = body.findIndex((l, i) => i > to && l === "Appendix B: evidence by rule");
  const appendix = new Map<number, Array<{ ref: string; text: string }>>();
  if (appendixAt >= 0) {
    for (const s of rowsUnder(body.slice(appendixAt), (l) => /^B\.\d+ \S+$/.test(l))) appendix.set(Number(/^B\.(\d+)/.exec(s.head)![1]), s.rows);
  }
  // Each control section has one "Status:" line, in the JSON's order.
  const sections: string[][] = [];
  for (const l of body.slice(from, to)) {
    if (l.startsWith("Status: ")) sections.push([]);
    sections.at(-1)?.push(l);
  }
  if (sections.length !== j.controls.length) throw new Error(`the PDF has ${sections.length} control sections, the JSON ${j.controls.length} controls`);
  const out: TPdfRow[] = [];
  sections.forEach((sec, i) => {
    const control = j.controls[i]!.id;
    for (const ev of rowsUnder(sec, (l) => l.startsWith("Evidence for "))) {
      const rule = /^Evidence for (\S+):/.exec(ev.head)![1]!;
      const inAppendix = /all listed in Appendix B\.(\d+)\./.exec(ev.headText.replace(/\n/g, " "));
      const rows = inAppendix ? (appendix.get(Number(inAppendix[1])) ?? []) : ev.rows;
      if (inAppendix && !appendix.has(Number(inAppendix[1]))) throw new Error(`${control} ${rule}: Appendix B.${inAppendix[1]} is missing`);
      for (const r of rows) {
        const f = j.findings[Number(r.ref.slice(1)) - 1];
        const key = f ? `${f.cluster}: ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}` : "";
        const states = [...r.text.matchAll(/\b(failing|excepted|expected)\b/g)].map((m) => m[1]);
        const state = { failing: "open", excepted: "excepted", expected: "expected" }[states.at(-1) ?? ""] ?? "?";
        out.push({ control, rule, object: f && squash(r.text).includes(squash(key)) ? key : `NOT SHOWN: ${r.text}`, state });
      }
    }
  });
  return out;
}

/**
 * The "Fixable critical vulnerabilities" rows of a report PDF, as "cluster: Kind ns/name|container|CVE ids|state"
 * for the rows the JSON's references name: the row's text must show the workload, and each CVE id.
 */
export function pdfVulnRows(raw: string, j: TReportData): string[] {
  const lines = raw.split("\n").map((l) => l.replace(/\f/g, ""));
  const chrome = (l: string) => l.startsWith(`${j.organization.name} `) || /^Bulwark .* Page \d+ of \d+$/.test(l);
  const body = lines.filter((l) => !chrome(l));
  const to = body.lastIndexOf("Appendix A: scans used");
  const from = body.lastIndexOf("Fixable critical vulnerabilities", to);
  if (from < 0 || to < 0) throw new Error("the PDF has no fixable critical vulnerabilities section");
  const rows: Array<{ ref: string; text: string }> = [];
  for (const l of body.slice(from + 1, to)) {
    const m = /^V(\d+) /.exec(l);
    if (m) rows.push({ ref: `V${m[1]}`, text: l });
    else if (rows.length) rows.at(-1)!.text += `\n${l}`;
  }
  const byId = new Map((j.vulnerabilities?.fixableCritical ?? []).map((v) => [v.id, v]));
  return rows.map((r) => {
    const v = byId.get(r.ref);
    if (!v) return `UNKNOWN REF ${r.ref}`;
    const workload = `${v.cluster}: ${v.workload.kind} ${v.workload.namespace ? `${v.workload.namespace}/` : ""}${v.workload.name}`;
    const text = squash(r.text);
    const shown = text.includes(squash(workload)) && text.includes(squash(`${v.container}: ${v.image}`)) && v.cves.every((c) => text.includes(squash(`${c.id} ${c.package} ${c.installedVersion} -> ${c.fixedVersion}`)));
    const states = [...r.text.matchAll(/\b(failing|excepted|expected)\b/g)].map((m) => m[1]);
    const state = { failing: "open", excepted: "excepted", expected: "expected" }[states.at(-1) ?? ""] ?? "?";
    return shown ? `${workload}|${v.container}|${v.cves.map((c) => c.id).join(" ")}|${state}` : `NOT SHOWN: ${r.text}`;
  });
}
