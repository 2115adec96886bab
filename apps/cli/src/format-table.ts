// `--format table` (default): findings grouped by severity, readable in 80 columns, coloured on a
// terminal unless NO_COLOR is set, and a summary line a CI log can grep.
import { SEVERITIES, type ControlStatus, type Severity } from "@bulwark/rules";
import { isOpen, objectLabel, riskCounts, ruleSummary, SEVERITY_RANK, type ScanReport } from "./report";

export interface Style {
  color: boolean;
  width: number;
}

const CODES = { red: 31, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1, green: 32 } as const;

export function paint(style: Style, code: keyof typeof CODES, s: string): string {
  return style.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s;
}

const SEV_COLOR: Record<Severity, keyof typeof CODES> = { critical: "magenta", high: "red", medium: "yellow", low: "blue", info: "gray" };

/** Word-wraps to `width`, indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (indent.length + line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    // A single word longer than the line (a long path) is broken hard.
    while (indent.length + line.length > width && width - indent.length > 10) {
      lines.push(line.slice(0, width - indent.length));
      line = line.slice(width - indent.length);
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l);
}

/** "2 critical, 1 high" in severity colours. */
function countList(style: Style, counts: Record<Severity, number>): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => paint(style, SEV_COLOR[s], `${counts[s]} ${s}`))
    .join(", ");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export interface TableOptions {
  /** List findings and risks expected for platform components too (hidden by default). */
  showExpected?: boolean;
}

export function formatTable(report: ScanReport, style: Style, minSeverity: Severity = "info", opts: TableOptions = {}): string {
  const out: string[] = [];
  const width = Math.max(60, Math.min(style.width, 120));
  const visible = (x: { severity: Severity; baseline?: unknown }) => SEVERITY_RANK[x.severity] >= SEVERITY_RANK[minSeverity] && (opts.showExpected || !x.baseline);
  const expectedNote = (x: { baseline?: { id: string } }) => (x.baseline ? paint(style, "gray", ` (expected: ${x.baseline.id})`) : "");
  // Risks first: each is an attack path a team can act on, worst first as the engine ranks them.
  const risks = report.risks.filter(visible);
  if (risks.length > 0) {
    out.push(paint(style, "bold", `Risks (${risks.length}):`));
    for (const r of risks) {
      const sev = r.severity.toUpperCase().padEnd(8);
      // A title may be long: wrapped after the severity column.
      const title = wrap(r.title, width, " ".repeat(sev.length + 1));
      out.push(`${paint(style, SEV_COLOR[r.severity], paint(style, "bold", sev))} ${paint(style, "bold", title[0]!.trimStart())}`, ...title.slice(1).map((l) => paint(style, "bold", l)));
      const factors = r.factors.map((f) => `${f.name} x${f.multiplier}`).join(", ");
      const marks = [`score ${r.score}${factors ? ` (${factors})` : ""}`, r.exception ? "exception" : "", r.baseline ? `expected: ${r.baseline.id}` : ""].filter(Boolean).join("; ");
      const where = r.file ? `  ${r.file}${r.line ? `:${r.line}` : ""}` : "";
      out.push(...wrap(`${r.objects.map(objectLabel).join(", ")}${where}`, width, "    ").map((l) => paint(style, "cyan", l)));
      out.push(...wrap(marks, width, "    ").map((l) => paint(style, "gray", l)));
      r.steps.forEach((step, i) => out.push(...wrap(`${i + 1}. ${step.kind}: ${step.text}`, width, "    ")));
      if (r.remediation) out.push(...wrap(`fix: ${r.remediation}`, width, "    ").map((l) => paint(style, "gray", l)));
      if (r.exception) out.push(...wrap(`accepted: ${r.exception.justification}`, width, "    ").map((l) => paint(style, "gray", l)));
      out.push("");
    }
    out.push(paint(style, "bold", "Findings:"));
  }
  const shown = report.findings
    .filter(visible)
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.ruleId.localeCompare(b.ruleId) || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0));
  for (const f of shown) {
    const sev = f.severity.toUpperCase().padEnd(8);
    const obj = objectLabel(f.object);
    const also = f.checks && f.checks.length > 1 ? paint(style, "gray", ` (+ ${f.checks.slice(1).join(", ")})`) : "";
    out.push(`${paint(style, SEV_COLOR[f.severity], paint(style, "bold", sev))} ${paint(style, "bold", f.ruleId)}${also}${f.exception ? paint(style, "gray", " (exception)") : ""}${expectedNote(f)}`);
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : "";
    out.push(...wrap(`${obj}${where ? `  ${where}` : ""}`, width, "    ").map((l) => paint(style, "cyan", l)));
    if (f.path) out.push(...wrap(f.path, width, "    ").map((l) => paint(style, "gray", l)));
    out.push(...wrap(f.message, width, "    "));
    if (f.exception) out.push(...wrap(`accepted: ${f.exception.justification}`, width, "    ").map((l) => paint(style, "gray", l)));
    out.push("");
  }
  if (report.errors.length > 0) {
    out.push(paint(style, "bold", `Input problems (${report.errors.length}):`));
    for (const e of report.errors) out.push(...wrap(`${e.file ?? "<input>"}:${e.line}: ${e.message}`, width, "  "));
    out.push("");
  }
  const notEvaluated = report.rules.filter((r) => r.status === "not-evaluated");
  if (notEvaluated.length > 0 && notEvaluated.length <= 12) {
    out.push(paint(style, "gray", "Not evaluated:"));
    for (const r of notEvaluated) out.push(...wrap(`${r.id}: ${r.reason ?? ""}`, width, "  ").map((l) => paint(style, "gray", l)));
    out.push("");
  } else if (notEvaluated.length > 12) {
    // The user's own rules are named with their reason (a CEL error, the cost limit): grouped, they
    // would hide among the built-in rules that cannot run on manifests.
    const own = notEvaluated.filter((r) => r.id.startsWith("custom-"));
    if (own.length > 0) {
      out.push(paint(style, "yellow", "Custom rules not evaluated:"));
      for (const r of own.slice(0, 12)) out.push(...wrap(`${r.id}: ${r.reason ?? ""}`, width, "  "));
      if (own.length > 12) out.push(`  … ${own.length - 12} more (--format json lists each)`);
      out.push("");
    }
    // Group by reason: on manifests most are "needs a whole cluster" or control-plane rules.
    const reasons = new Map<string, number>();
    for (const r of notEvaluated.filter((x) => !x.id.startsWith("custom-"))) {
      const key = (r.reason ?? "no reason").replace(/\s*\(.*\)\s*$/, "").replace(/:.*$/, "");
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    out.push(paint(style, "gray", `Not evaluated (${notEvaluated.length - own.length} built-in rules; --format json lists each reason):`));
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
      out.push(...wrap(`${n} × ${reason}`, width, "  ").map((l) => paint(style, "gray", l)));
    }
    out.push("");
  }
  if (report.framework) {
    const fw = report.framework;
    out.push(paint(style, "bold", `${fw.name} ${fw.version}`));
    if (fw.disclaimer) out.push(...wrap(fw.disclaimer, width, "").map((l) => paint(style, "gray", l)));
    const mark: Record<ControlStatus, string> = {
      passed: paint(style, "green", "PASS    "),
      failed: paint(style, "red", "FAIL    "),
      "not-evaluated": paint(style, "gray", "N/E     "),
      "not-applicable": paint(style, "gray", "N/A     "),
      attested: paint(style, "cyan", "ATTESTED"),
      pending: paint(style, "yellow", "PENDING "),
    };
    for (const c of fw.result.controls) {
      out.push(...wrap(`${c.id} ${c.title}`, width, "          ").map((l, i) => (i === 0 ? `${mark[c.status]}  ${l.trimStart()}` : l)));
    }
    const s = fw.result.summary;
    out.push(
      `Controls: ${s.passed} passed, ${s.failed} failed, ${s.notEvaluated} not evaluated, ${s.notApplicable} not applicable, ` +
        `${s.attested} attested, ${s.pending} manual pending`,
    );
    out.push(paint(style, "gray", "Manual controls are attested in the web app; `bulwark frameworks ID` shows each control's rationale."));
    out.push("");
  }
  const counts = countList(style, report.counts);
  const total = SEVERITIES.reduce((n, s) => n + report.counts[s], 0);
  const rs = ruleSummary(report.rules);
  const excepted = report.findings.filter((f) => f.exception).length;
  const openRisks = riskCounts(report.risks);
  const riskTotal = report.risks.filter(isOpen).length;
  if (riskTotal > 0) out.push(`${paint(style, "bold", plural(riskTotal, "risk"))} (${countList(style, openRisks)})`);
  out.push(`${paint(style, "bold", plural(total, "finding"))}${counts ? ` (${counts})` : ""}${excepted ? `, ${excepted} excepted` : ""}`);
  if (report.expected > 0 && !opts.showExpected) {
    out.push(paint(style, "gray", `${plural(report.expected, "finding")} expected for platform components (--show-expected lists them)`));
  }
  out.push(
    `rules: ${rs.passed} passed, ${rs.failed} failed, ${rs.notEvaluated} not evaluated` +
      `\n${report.objectCount} object${report.objectCount === 1 ? "" : "s"}${report.source === "manifests" ? ` in ${report.files} file${report.files === 1 ? "" : "s"}` : ` from ${report.target}`}` +
      ` | score ${report.score}`,
  );
  if (report.failOn !== "none") {
    out.push(
      report.failing > 0
        ? paint(style, "red", `FAIL: ${report.failing} open finding${report.failing === 1 ? "" : "s"} or risk${report.failing === 1 ? "" : "s"} at or above ${report.failOn}`)
        : paint(style, "green", `OK: no open finding or risk at or above ${report.failOn}`),
    );
  }
  return `${out.join("\n")}\n`;
}
