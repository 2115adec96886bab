import { fleetScore } from "@bulwark/rules";
import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { listClusters } from "../clusters/list-clusters";
import type { ClusterSummary } from "../clusters/cluster-summary";
import { openFindingWhere } from "./open-finding-where";

export async function getOverview(input: { orgId: string }): Promise<{
  score: number | null;
  counts: Record<Severity, number>;
  clusters: ClusterSummary[];
  changes24h: { new: number; fixed: number; reopened: number };
  scansRunning: number;
}> {
  const since = new Date(Date.now() - 86_400_000);
  const [clusters, grouped, created, fixed, reopened, scansRunning] = await Promise.all([
    listClusters({ orgId: input.orgId }),
    db.finding.groupBy({ by: ["severity"], where: openFindingWhere(input.orgId), _count: { _all: true } }),
    db.finding.count({ where: { orgId: input.orgId, firstSeenAt: { gte: since } } }),
    db.finding.count({ where: { orgId: input.orgId, status: "resolved", resolvedAt: { gte: since } } }),
    db.findingEvent.count({ where: { orgId: input.orgId, type: "reopened", createdAt: { gte: since } } }),
    db.scan.count({ where: { orgId: input.orgId, status: { in: ["queued", "running"] } } }),
  ]);
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const g of grouped) counts[g.severity] = g._count._all;
  // The org's score is the engine's fleet score of its scanned clusters: every cluster counts, the
  // worst weigh most, so one huge cluster can't hide a small, badly configured one.
  const scores = clusters.map((c) => c.score).filter((s): s is number => s !== null);
  const score = fleetScore(scores) ?? null;
  return { score, counts, clusters, changes24h: { new: created, fixed, reopened }, scansRunning };
}
