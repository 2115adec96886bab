// Per-rule statuses of each cluster's latest succeeded or partial scan (Cluster.lastScan, which
// only recordScanResults moves), or of its latest one finished at or before `asOf`, for views and
// reports that judge frameworks across clusters at once. No findings read: the stored Scan.rules
// array is all a framework needs.
import type { RuleStatus } from "@bulwark/rules";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";

export interface TClusterScanRules {
  clusterId: string;
  clusterName: string;
  /** Null when the cluster has no completed scan yet (by asOf). */
  scan: { id: string; status: string; finishedAt: Date | null; rules: RuleStatus[] } | null;
}

const rulesOf = (rules: unknown): RuleStatus[] => (Array.isArray(rules) ? (rules as RuleStatus[]) : []);

export async function listLatestScanRules(input: { orgId: string; clusterIds?: readonly string[]; asOf?: Date | null }): Promise<TClusterScanRules[]> {
  const where = { orgId: input.orgId, ...(input.clusterIds ? { id: { in: [...input.clusterIds] } } : {}) };
  if (!input.asOf) {
    const rows = await db.cluster.findMany({
      where,
      select: { id: true, name: true, lastScan: { select: { id: true, orgId: true, status: true, finishedAt: true, rules: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return rows.map((r) => ({
      clusterId: r.id,
      clusterName: r.name,
      // The org check on the scan is belt and braces: a cluster's lastScan is always its own.
      scan: r.lastScan && r.lastScan.orgId === input.orgId ? { id: r.lastScan.id, status: r.lastScan.status, finishedAt: r.lastScan.finishedAt, rules: rulesOf(r.lastScan.rules) } : null,
    }));
  }
  const clusters = await db.cluster.findMany({ where, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  // Each cluster's scan at that point in time: one indexed probe per cluster in one query.
  const scanIds = clusters.length
    ? await db.$queryRaw<Array<{ id: string }>>`
        SELECT s.id FROM "Cluster" c CROSS JOIN LATERAL (
          SELECT id FROM "Scan"
          WHERE "clusterId" = c.id AND "orgId" = ${input.orgId} AND status IN ('succeeded', 'partial') AND "finishedAt" IS NOT NULL AND "finishedAt" <= ${input.asOf}
          ORDER BY "finishedAt" DESC LIMIT 1
        ) s
        WHERE c."orgId" = ${input.orgId} AND c.id IN (${Prisma.join(clusters.map((c) => c.id))})`
    : [];
  const scans = scanIds.length
    ? await db.scan.findMany({ where: { orgId: input.orgId, id: { in: scanIds.map((r) => r.id) } }, select: { id: true, clusterId: true, status: true, finishedAt: true, rules: true } })
    : [];
  const byCluster = new Map(scans.map((s) => [s.clusterId, s]));
  return clusters.map((c) => {
    const s = byCluster.get(c.id);
    return { clusterId: c.id, clusterName: c.name, scan: s ? { id: s.id, status: s.status, finishedAt: s.finishedAt, rules: rulesOf(s.rules) } : null };
  });
}
