// Posture score: risk-driven, one number a person can explain. See packages/rules/README.md
// ("Posture score").
//
//   score = 100 / (1 + P),  rounded down to one decimal
//   P     = Σ open risks' penalty  +  Σ open critical findings' penalty
//         + Σ open high, medium and low findings' penalty / workloads
//
// Every open item adds to P, so fixing anything raises the score, and only a snapshot with nothing
// open scores 100. Attack paths and critical findings count whole (one node-takeover path in a
// cluster of 500 workloads is as dangerous as in a cluster of one); the other findings count per
// workload, so a fleet of default pods scores like one default pod.
import type { Risk, ScoreItem, Severity } from "../types";

/** Penalty of an open risk by severity; a risk whose path is "root on the node at once" counts double. */
export const RISK_PENALTY: Readonly<Record<Severity, number>> = { critical: 1.5, high: 0.5, medium: 0.15, low: 0.05, info: 0 };
export const DIRECT_ROOT_PENALTY = 3;
/** Penalty of an open finding, counted whole (critical) or per workload (high, medium, low). */
export const FINDING_PENALTY: Readonly<Record<Severity, number>> = { critical: 0.5, high: 0.3, medium: 0.03, low: 0.008, info: 0 };

export interface ScoreInput {
  /** Open risks (not excepted, not expected for a platform component). */
  risks: ReadonlyArray<Pick<Risk, "id" | "severity" | "title" | "factors"> & { direct?: boolean }>;
  /** Open findings (not excepted, not baseline). */
  findings: ReadonlyArray<{ severity: Severity; fingerprint?: string; label?: string }>;
  /** Workloads (pod specs on their top controller) judged; at least 1. */
  workloads: number;
}

export function riskPenalty(r: { severity: Severity; direct?: boolean }): number {
  return r.direct && r.severity === "critical" ? DIRECT_ROOT_PENALTY : RISK_PENALTY[r.severity] ?? 0;
}

function toScore(p: number): number {
  if (p <= 0) return 100;
  const tenths = Math.floor(1000 / (1 + p) + 1e-9);
  return Math.max(0, Math.min(999, tenths)) / 10;
}

export interface ScoreResult {
  score: number;
  items: ScoreItem[];
}

/** The score and its explanation (costliest first, at most `maxItems`). */
export function computeScore(input: ScoreInput, maxItems = 20): ScoreResult {
  const workloads = Math.max(1, input.workloads);
  const parts: Array<{ p: number; item: Omit<ScoreItem, "impact"> }> = [];
  let hygiene = 0;
  const hygieneBy: Partial<Record<Severity, number>> = {};
  for (const r of input.risks) {
    const p = riskPenalty(r);
    if (p > 0) parts.push({ p, item: { kind: "risk", label: r.title, severity: r.severity, riskId: r.id } });
  }
  for (const f of input.findings) {
    const w = FINDING_PENALTY[f.severity] ?? 0;
    if (w === 0) continue;
    if (f.severity === "critical") {
      parts.push({ p: w, item: { kind: "finding", label: f.label ?? f.severity, severity: f.severity, ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}) } });
    } else {
      hygiene += w / workloads;
      hygieneBy[f.severity] = (hygieneBy[f.severity] ?? 0) + 1;
    }
  }
  let total = hygiene;
  for (const x of parts) total += x.p;
  const score = toScore(total);
  const items: ScoreItem[] = parts
    .sort((a, b) => b.p - a.p)
    .slice(0, maxItems)
    .map((x) => ({ ...x.item, impact: round1(toScore(total - x.p) - score) }));
  const levels = (["high", "medium", "low"] as const).filter((s) => hygieneBy[s]).map((s) => `${hygieneBy[s]} ${s}`);
  if (levels.length > 0) {
    const n = Object.values(hygieneBy).reduce((a, b) => a + b, 0);
    const list = levels.length > 1 ? `${levels.slice(0, -1).join(", ")} and ${levels[levels.length - 1]}` : levels[0];
    items.push({ kind: "hygiene", label: `${list} finding${n === 1 ? "" : "s"} across ${workloads} workload${workloads === 1 ? "" : "s"}`, impact: round1(toScore(total - hygiene) - score) });
    items.sort((a, b) => b.impact - a.impact);
  }
  return { score, items };
}

/**
 * A fleet's score weights its worst clusters: the harmonic mean of (score + 1), minus 1. One cluster
 * at 20 beside nine at 95 gives 62.6 (the arithmetic mean would say 87.5). Monotone: raising any
 * cluster's score raises the fleet's.
 */
export function fleetScore(scores: readonly number[]): number | undefined {
  if (scores.length === 0) return undefined;
  let inv = 0;
  for (const s of scores) inv += 1 / (Math.max(0, Math.min(100, s)) + 1);
  return Math.floor(10 * (scores.length / inv - 1) + 1e-9) / 10;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
