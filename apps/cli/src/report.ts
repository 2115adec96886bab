// The scan result every output format renders.
import type { Finding, FrameworkResult, ManifestError, Rule, RuleStatus, Severity } from "@bulwark/rules";

export interface ReportFinding extends Finding {
  title: string;
  file?: string;
  /** Line of the offending field (or of its nearest existing parent). */
  line?: number;
}

export interface ScanReport {
  source: "manifests" | "cluster";
  /** What was scanned: a context name or "N files". */
  target: string;
  findings: ReportFinding[];
  rules: RuleStatus[];
  ruleMeta: Map<string, Rule>;
  errors: ManifestError[];
  counts: Record<Severity, number>;
  score: number;
  objectCount: number;
  files: number;
  failOn: Severity | "none";
  /** Findings at or above failOn (exceptions excluded). */
  failing: number;
  framework?: { id: string; name: string; version: string; disclaimer?: string; result: FrameworkResult };
  rulesVersion: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}

export function ruleSummary(rules: readonly RuleStatus[]): { passed: number; failed: number; notEvaluated: number; disabled: number } {
  const s = { passed: 0, failed: 0, notEvaluated: 0, disabled: 0 };
  for (const r of rules) {
    if (r.status === "passed") s.passed++;
    else if (r.status === "failed") s.failed++;
    else if (r.status === "disabled") s.disabled++;
    else s.notEvaluated++;
  }
  return s;
}
