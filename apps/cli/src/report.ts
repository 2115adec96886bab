// The scan result every output format renders.
import type { Finding, FrameworkResult, ManifestError, ObjectRef, Profile, Risk, Rule, RuleStatus, ScoreItem, Severity } from "@bulwark/rules";

export interface ReportFinding extends Finding {
  title: string;
  file?: string;
  /** Line of the offending field (or of its nearest existing parent). */
  line?: number;
}

export interface ReportRisk extends Risk {
  file?: string;
  line?: number;
  /** Where the risk's objects were read from, when they came from files (risk object first). */
  locations: { object: ObjectRef; file: string; line: number }[];
}

export interface ScanReport {
  source: "manifests" | "cluster";
  /** What was scanned: a context name or "N files". */
  target: string;
  findings: ReportFinding[];
  /** Attack paths, worst first. */
  risks: ReportRisk[];
  rules: RuleStatus[];
  ruleMeta: Map<string, Rule>;
  errors: ManifestError[];
  counts: Record<Severity, number>;
  score: number;
  scoreItems: ScoreItem[];
  /** Findings expected for platform components (baseline). */
  expected: number;
  profile: Profile;
  objectCount: number;
  /** Objects of custom (non-Kubernetes) API groups: accepted, judged only by rules that know them. */
  customResources: number;
  files: number;
  failOn: Severity | "none";
  /** Open findings and open risks at or above failOn (excepted and expected ones excluded). */
  failing: number;
  framework?: { id: string; name: string; version: string; disclaimer?: string; result: FrameworkResult };
  rulesVersion: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[threshold];
}

/** Neither covered by an exception nor expected for a platform component. */
export function isOpen(x: { exception?: unknown; baseline?: unknown }): boolean {
  return !x.exception && !x.baseline;
}

/** Open findings and open risks at or above `failOn` (what makes `--fail-on` exit 1). */
export function countFailing(items: ReadonlyArray<{ severity: Severity; exception?: unknown; baseline?: unknown }>, failOn: Severity | "none"): number {
  if (failOn === "none") return 0;
  return items.filter((x) => isOpen(x) && atOrAbove(x.severity, failOn)).length;
}

/** Open risks per severity. */
export function riskCounts(risks: readonly Risk[]): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const r of risks) if (isOpen(r)) out[r.severity]++;
  return out;
}

/** "Deployment shop/web" for messages. */
export function objectLabel(o: ObjectRef): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
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
