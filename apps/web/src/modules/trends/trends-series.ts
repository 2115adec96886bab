// Turns per-cluster daily summary points into chart rows. Days without a scan carry each
// cluster's last known state forward, so the organization line does not dip when one cluster
// skips a day; the organization score is the mean of the clusters' scores (as on the overview).
import type { TTrendPoint, TTrendTotal, TVulnTrendDay } from "@bulwark/db";

export type TSeverityKey = "critical" | "high" | "medium" | "low" | "info";
const SEVERITIES: TSeverityKey[] = ["critical", "high", "medium", "low", "info"];
export type TRiskKey = "riskCritical" | "riskHigh" | "riskMedium" | "riskLow";
export const RISK_KEYS: TRiskKey[] = ["riskCritical", "riskHigh", "riskMedium", "riskLow"];
export const RISK_SEVERITY: Record<TRiskKey, TSeverityKey> = { riskCritical: "critical", riskHigh: "high", riskMedium: "medium", riskLow: "low" };
const COUNTS = [...SEVERITIES, ...RISK_KEYS];

export interface TTrendRow {
  day: string;
  /** Organization score that day (mean over clusters with a known score), null before any scan. */
  score: number | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  /** Open risks (attack paths) by severity, like the finding counts. */
  riskCritical: number;
  riskHigh: number;
  riskMedium: number;
  riskLow: number;
  new: number;
  fixed: number;
  reopened: number;
  scans: number;
  /** Per-cluster score that day, keyed by cluster id (carried forward). */
  clusters: Record<string, number | null>;
}

export function dayList(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = to.toISOString().slice(0, 10);
  for (let i = 0; i < 400 * 5; i++) {
    const s = d.toISOString().slice(0, 10);
    if (s > end) break;
    out.push(s);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export function buildTrendRows(input: { from: Date; to: Date; clusterIds: string[]; points: TTrendPoint[]; baseline: TTrendPoint[] }): TTrendRow[] {
  const last = new Map<string, TTrendPoint>();
  for (const b of input.baseline) last.set(b.clusterId, b);
  const byDay = new Map<string, TTrendPoint[]>();
  for (const p of input.points) {
    const l = byDay.get(p.day) ?? [];
    l.push(p);
    byDay.set(p.day, l);
  }
  return dayList(input.from, input.to).map((day) => {
    const today = byDay.get(day) ?? [];
    for (const p of today) last.set(p.clusterId, p);
    const row: TTrendRow = { day, score: null, critical: 0, high: 0, medium: 0, low: 0, info: 0, riskCritical: 0, riskHigh: 0, riskMedium: 0, riskLow: 0, new: 0, fixed: 0, reopened: 0, scans: 0, clusters: {} };
    const scores: number[] = [];
    for (const id of input.clusterIds) {
      const p = last.get(id);
      row.clusters[id] = p?.score ?? null;
      if (!p) continue;
      if (p.score !== null) scores.push(p.score);
      for (const s of COUNTS) row[s] += p[s] ?? 0;
    }
    for (const p of today) {
      row.new += p.newCount;
      row.fixed += p.fixedCount;
      row.reopened += p.reopenedCount;
      row.scans += p.scans;
    }
    row.score = scores.length ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10 : null;
    return row;
  });
}

/** Per-cluster lines are drawn (and per-cluster points read) up to this many clusters in scope. */
export const MAX_CLUSTER_LINES = 7;

/**
 * The same organization rows as buildTrendRows, from getTrendTotals' per-day running state (one row
 * per day with a scan, "" for the state before the range): days without a scan keep the last state.
 * No per-cluster scores.
 */
export function buildTotalRows(input: { from: Date; to: Date; totals: TTrendTotal[] }): TTrendRow[] {
  const byDay = new Map(input.totals.map((t) => [t.day, t]));
  let state: TTrendTotal | undefined = byDay.get("");
  return dayList(input.from, input.to).map((day) => {
    const today = byDay.get(day);
    if (today) state = today;
    const round = (t: TTrendTotal) => (t.scored ? Math.round((10 * t.scoreSum) / t.scored) / 10 : null);
    return {
      day,
      score: state ? round(state) : null,
      critical: state?.critical ?? 0,
      high: state?.high ?? 0,
      medium: state?.medium ?? 0,
      low: state?.low ?? 0,
      info: state?.info ?? 0,
      riskCritical: state?.riskCritical ?? 0,
      riskHigh: state?.riskHigh ?? 0,
      riskMedium: state?.riskMedium ?? 0,
      riskLow: state?.riskLow ?? 0,
      new: today?.newCount ?? 0,
      fixed: today?.fixedCount ?? 0,
      reopened: today?.reopenedCount ?? 0,
      scans: today?.scans ?? 0,
      clusters: {},
    };
  });
}

/** Long ranges are drawn per week (the last day of each week, sums for new/fixed) to stay readable. */
export function bucketRows(rows: TTrendRow[], size: number): TTrendRow[] {
  if (size <= 1) return rows;
  const out: TTrendRow[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const lastRow = chunk[chunk.length - 1]!;
    out.push({
      ...lastRow,
      new: chunk.reduce((a, r) => a + r.new, 0),
      fixed: chunk.reduce((a, r) => a + r.fixed, 0),
      reopened: chunk.reduce((a, r) => a + r.reopened, 0),
      scans: chunk.reduce((a, r) => a + r.scans, 0),
    });
  }
  return out;
}

/** Open CVEs are a state, not a sum: a week shows the counts at its last day, like the finding counts. */
export function bucketVulnDays(days: TVulnTrendDay[], size: number): TVulnTrendDay[] {
  if (size <= 1) return days;
  const out: TVulnTrendDay[] = [];
  for (let i = 0; i < days.length; i += size) out.push(days[Math.min(i + size, days.length) - 1]!);
  return out;
}
