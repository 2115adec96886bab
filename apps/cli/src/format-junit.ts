// `--format junit`: one <testsuite> per rule; a passed rule is one passing test case, every finding
// a failed test case, a rule not evaluated a skipped one. CI systems then show findings as tests.
import type { ScanReport } from "./report";

function esc(s: string): string {
  return (
    s
      // XML 1.0 forbids most control characters even when escaped.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

export function formatJunit(report: ScanReport): string {
  const byRule = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    const l = byRule.get(f.ruleId) ?? [];
    l.push(f);
    byRule.set(f.ruleId, l);
  }
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const suites: string[] = [];
  for (const status of report.rules) {
    const meta = report.ruleMeta.get(status.id);
    const title = meta?.title ?? status.id;
    const cases: string[] = [];
    let sFailures = 0;
    let sSkipped = 0;
    const findings = byRule.get(status.id) ?? [];
    if (status.status === "not-evaluated" || status.status === "disabled") {
      sSkipped++;
      cases.push(`    <testcase classname="${esc(status.id)}" name="${esc(title)}"><skipped message="${esc(status.reason ?? status.status)}"/></testcase>`);
    } else if (findings.length === 0) {
      cases.push(`    <testcase classname="${esc(status.id)}" name="${esc(title)}"/>`);
    } else {
      for (const f of findings) {
        const obj = `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ""}${f.object.name}`;
        const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : obj;
        const name = `${obj} ${f.path}`.trim();
        if (f.exception) {
          sSkipped++;
          cases.push(`    <testcase classname="${esc(status.id)}" name="${esc(name)}" file="${esc(f.file ?? "")}"><skipped message="${esc(`exception: ${f.exception.justification}`)}"/></testcase>`);
          continue;
        }
        sFailures++;
        const body = [`${f.message}`, `object: ${obj}`, `path: ${f.path}`, `location: ${where}`, `remediation: ${f.remediation}`].join("\n");
        cases.push(
          `    <testcase classname="${esc(status.id)}" name="${esc(name)}"${f.file ? ` file="${esc(f.file)}"` : ""}${f.line ? ` line="${f.line}"` : ""}>` +
            `<failure type="${esc(f.severity)}" message="${esc(f.message)}">${esc(body)}</failure></testcase>`,
        );
      }
    }
    tests += cases.length;
    failures += sFailures;
    skipped += sSkipped;
    suites.push(
      `  <testsuite name="${esc(status.id)}" tests="${cases.length}" failures="${sFailures}" errors="0" skipped="${sSkipped}">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  if (report.errors.length > 0) {
    const cases = report.errors.map(
      (e) => `    <testcase classname="input" name="${esc(`${e.file ?? "input"}:${e.line}`)}"><error type="parse" message="${esc(e.message)}"/></testcase>`,
    );
    tests += cases.length;
    suites.push(`  <testsuite name="input" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  const errors = report.errors.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bulwark" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join("\n")}\n</testsuites>\n`;
}
