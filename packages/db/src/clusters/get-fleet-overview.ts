// The overview page's data: each cluster's denormalised score and last result (Cluster.lastScan),
// the summaries of the scans that finished in the last 24 hours, and the open work counted with
// the one open-work predicate (openFindingWhere, openRiskWhere), so that the overview says what the
// findings list and the queue say: exceptions, manual resolves and platform findings are not open.
// The counts are two grouped index scans ("Finding"("orgId", status, severity)); never reads
// FindingEvent.
import { fleetScore } from "@bulwark/rules";
import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { openFindingWhere, openRiskWhere } from "../findings/open-finding-where";
import type { ClusterSummary } from "./cluster-summary";
import { listClusters } from "./list-clusters";

export interface TFleetOverview {
  /** The fleet's score from its scanned clusters' (the engine's fleetScore: the worst clusters weigh most), one decimal. */
  score: number | null;
  /** Open findings by severity (open work: openFindingWhere). */
  counts: Record<Severity, number>;
  /** Open findings by cluster id and severity, same predicate. */
  openByCluster: Record<string, Record<Severity, number>>;
  /** Open risks (attack paths) by severity (openRiskWhere). */
  risks: Record<Severity, number>;
  clusters: ClusterSummary[];
  /** Summed over the scans that finished in the last 24 hours. */
  changes24h: { new: number; fixed: number; reopened: number };
  scansRunning: number;
}

export async function getFleetOverview(input: { orgId: string; now?: Date }): Promise<TFleetOverview> {
  const since = new Date((input.now ?? new Date()).getTime() - 86_400_000);
  const [clusters, changes, scansRunning, open, openRisks] = await Promise.all([
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
    db.finding.groupBy({ by: ["clusterId", "severity"], where: openFindingWhere(input.orgId), _count: { _all: true } }),
    db.risk.groupBy({ by: ["severity"], where: openRiskWhere(input.orgId), _count: { _all: true } }),
  ]);
  const zero = (): Record<Severity, number> => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  const counts = zero();
  const openByCluster: Record<string, Record<Severity, number>> = {};
  for (const g of open) {
    counts[g.severity] += g._count._all;
    (openByCluster[g.clusterId] ??= zero())[g.severity] += g._count._all;
  }
  const risks = zero();
  for (const g of openRisks) risks[g.severity] = g._count._all;
  const scores = clusters.map((c) => c.score).filter((s): s is number => s !== null);
  const score = fleetScore(scores) ?? null;
  return {
    score,
    counts,
    openByCluster,
    risks,
    clusters,
    changes24h: { new: Number(changes?.new ?? 0), fixed: Number(changes?.fixed ?? 0), reopened: Number(changes?.reopened ?? 0) },
    scansRunning,
  };
}
