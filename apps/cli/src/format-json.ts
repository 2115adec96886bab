// `--format json`: a stable contract. Keys listed in the README never change meaning; new keys may
// be added. Absent values are null rather than missing, so consumers can index without guards.
import { ruleSummary, type ScanReport } from "./report";

export function formatJson(report: ScanReport): string {
  const out = {
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      object: {
        apiVersion: f.object.apiVersion,
        kind: f.object.kind,
        namespace: f.object.namespace ?? null,
        name: f.object.name,
      },
      path: f.path,
      message: f.message,
      file: f.file ?? null,
      line: f.line ?? null,
      remediation: f.remediation,
      observed: f.observed ?? null,
      fix: f.fix ?? null,
      fingerprint: f.fingerprint,
      exception: f.exception ?? null,
    })),
    rules: report.rules.map((r) => ({ id: r.id, status: r.status, findings: r.findings, reason: r.reason ?? null })),
    errors: report.errors.map((e) => ({ file: e.file ?? null, line: e.line, message: e.message })),
    summary: {
      source: report.source,
      target: report.target,
      objects: report.objectCount,
      files: report.files,
      counts: report.counts,
      rules: ruleSummary(report.rules),
      score: report.score,
      failOn: report.failOn,
      failing: report.failing,
      rulesVersion: report.rulesVersion,
    },
    ...(report.framework
      ? {
          framework: {
            id: report.framework.id,
            name: report.framework.name,
            version: report.framework.version,
            disclaimer: report.framework.disclaimer ?? null,
            summary: report.framework.result.summary,
            controls: report.framework.result.controls,
          },
        }
      : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
