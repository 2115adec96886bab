// The overview page's data, read from precomputed rows only: each cluster's denormalised score and
// last result (Cluster.lastScan, whose severity counts the scan stored), plus the summaries of the
// scans that finished in the last 24 hours. Never reads Finding or FindingEvent, so the cost is
// per cluster, not per finding (200 clusters with 300,000 findings: a few milliseconds).
import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import type { ClusterSummary } from "./cluster-summary";
import { listClusters } from "./list-clusters";

export interface TFleetOverview {
  /** Mean of the scanned clusters' scores: every cluster weighs the same. */
  score: number | null;
  /** Open findings by severity, summed over each cluster's last completed scan. */
  counts: Record<Severity, number>;
  clusters: ClusterSummary[];
  /** Summed over the scans that finished in the last 24 hours. */
  changes24h: { new: number; fixed: number; reopened: number };
  scansRunning: number;
}

export async function getFleetOverview(input: { orgId: string; now?: Date }): Promise<TFleetOverview> {
  const since = new Date((input.now ?? new Date()).getTime() - 86_400_000);
  const [clusters, changes, scansRunning] = await Promise.all([
    listClusters({ orgId: input.orgId }),
    // createdAt bounds the index range ("Scan"("orgId", "createdAt")); a scan finishes after it is created.
    db.scan.aggregate({
      where: { orgId: input.orgId, createdAt: { gte: new Date(since.getTime() - 86_400_000) }, finishedAt: { gte: since }, status: { in: ["succeeded", "partial"] } },
      _sum: { newCount: true, fixedCount: true, reopenedCount: true },
    }),
    db.scan.count({ where: { orgId: input.orgId, status: { in: ["queued", "running"] } } }),
  ]);
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const c of clusters) {
    const r = c.lastResult;
    if (!r) continue;
    counts.critical += r.critical;
    counts.high += r.high;
    counts.medium += r.medium;
    counts.low += r.low;
    counts.info += r.info;
  }
  const scores = clusters.map((c) => c.score).filter((s): s is number => s !== null);
  const score = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  return {
    score,
    counts,
    clusters,
    changes24h: { new: changes._sum.newCount ?? 0, fixed: changes._sum.fixedCount ?? 0, reopened: changes._sum.reopenedCount ?? 0 },
    scansRunning,
  };
}
