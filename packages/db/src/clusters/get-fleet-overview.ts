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
    // A cluster's first successful scan is its baseline: its findings are not "new" (as in trends).
    db.$queryRaw<Array<{ new: bigint | null; fixed: bigint | null; reopened: bigint | null }>>`
      SELECT sum(CASE WHEN EXISTS (SELECT 1 FROM "Scan" p WHERE p."clusterId" = s."clusterId" AND p.status IN ('succeeded', 'partial') AND p."finishedAt" < s."finishedAt")
                      THEN s."newCount" ELSE 0 END) AS new,
             sum(s."fixedCount") AS fixed, sum(s."reopenedCount") AS reopened
      FROM "Scan" s
      WHERE s."orgId" = ${input.orgId} AND s."createdAt" >= ${new Date(since.getTime() - 86_400_000)} AND s."finishedAt" >= ${since} AND s.status IN ('succeeded', 'partial')`.then((r) => r[0]),
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
    changes24h: { new: Number(changes?.new ?? 0), fixed: Number(changes?.fixed ?? 0), reopened: Number(changes?.reopened ?? 0) },
    scansRunning,
  };
}
