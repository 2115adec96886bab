// Posture score: one number a person can explain. See packages/rules/README.md ("Posture score").
import type { RuleStatusValue, Severity } from "../types";

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
  info: 0,
};

export interface ScoreEntry {
  /** Effective severity (after organization overrides). */
  severity: Severity;
  status: RuleStatusValue;
  /** Distinct objects with at least one non-excepted finding of this rule. */
  failing: number;
  /** Objects the rule judged (objects of its kinds, counted on their top controller). */
  applicable: number;
}

/**
 * 100 × (1 − Σ weight·failShare / Σ weight) over rules that were evaluated (passed or failed),
 * where failShare = failing / max(applicable, failing, 1). Rounded down to one decimal so that only
 * a snapshot with nothing failing scores 100.
 */
export function computeScore(entries: Iterable<ScoreEntry>): number {
  let total = 0;
  let penalty = 0;
  for (const e of entries) {
    if (e.status !== "passed" && e.status !== "failed") continue;
    const w = SEVERITY_WEIGHTS[e.severity] ?? 0;
    if (w === 0) continue;
    total += w;
    const failing = Math.max(0, e.failing);
    if (failing === 0) continue;
    penalty += (w * failing) / Math.max(e.applicable, failing, 1);
  }
  if (total === 0 || penalty === 0) return 100;
  const tenths = Math.floor(1000 * (1 - penalty / total) + 1e-7);
  return Math.max(0, Math.min(999, tenths)) / 10;
}
