// `--format json`: a stable contract. Keys listed in the README never change meaning; new keys may
// be added. Absent values are null rather than missing, so consumers can index without guards.
import type { ObjectRef } from "@bulwark/rules";
import { riskCounts, ruleSummary, type ScanReport } from "./report";

/** Items of the score's explanation in the summary. */
const SCORE_ITEMS = 5;

const objectJson = (o: ObjectRef) => ({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name });

export function formatJson(report: ScanReport): string {
  const out = {
    risks: report.risks.map((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      severity: r.severity,
      score: r.score,
      objects: r.objects.map(objectJson),
      steps: r.steps.map((s) => ({ kind: s.kind, text: s.text, findings: s.findings })),
      factors: r.factors.map((f) => ({ name: f.name, multiplier: f.multiplier, message: f.message })),
      remediation: r.remediation,
      baseline: r.baseline ?? null,
      exception: r.exception ?? null,
      file: r.file ?? null,
      line: r.line ?? null,
    })),
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      object: objectJson(f.object),
      path: f.path,
      message: f.message,
      file: f.file ?? null,
      line: f.line ?? null,
      remediation: f.remediation,
      observed: f.observed ?? null,
      fix: f.fix ?? null,
      fingerprint: f.fingerprint,
      exception: f.exception ?? null,
      checks: f.checks ?? [f.ruleId],
      baseline: f.baseline ?? null,
      // Structured evidence beside the message (image-vulnerabilities: the image, match, CVEs).
      details: f.details ?? null,
    })),
    rules: report.rules.map((r) => ({ id: r.id, status: r.status, findings: r.findings, reason: r.reason ?? null })),
    errors: report.errors.map((e) => ({ file: e.file ?? null, line: e.line, message: e.message })),
    summary: {
      source: report.source,
      target: report.target,
      objects: report.objectCount,
      customResources: report.customResources,
      files: report.files,
      counts: report.counts,
      risks: riskCounts(report.risks),
      expected: report.expected,
      profile: report.profile,
      rules: ruleSummary(report.rules),
      score: report.score,
      scoreItems: report.scoreItems.slice(0, SCORE_ITEMS).map((i) => ({
        kind: i.kind,
        label: i.label,
        severity: i.severity ?? null,
        impact: i.impact,
        riskId: i.riskId ?? null,
        fingerprint: i.fingerprint ?? null,
      })),
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
