import type { ScanSchedule } from "../generated/prisma/client";
import { db } from "../client";
import { CREDENTIAL_OMIT, SCAN_SUMMARY_SELECT, compareClusters, type ClusterSummary, type ScanSummary } from "./cluster-summary";

const SCAN_COLUMNS = Object.keys(SCAN_SUMMARY_SELECT).map((c) => `"${c}"`).join(", ");

/**
 * Every cluster of the organization with its schedule, its last result (Cluster.lastScan, one
 * join) and its most recent scan in any state. The most recent scan is one indexed LATERAL probe
 * per cluster ("Scan"("clusterId", "createdAt")): a nested `take: 1` include would read every scan
 * of every cluster (73,000 rows for 200 clusters scanned daily for a year) and drop all but one.
 */
export async function listClusters(input: { orgId: string }): Promise<ClusterSummary[]> {
  const [rows, latest] = await Promise.all([
    db.cluster.findMany({ where: { orgId: input.orgId }, omit: CREDENTIAL_OMIT, include: { schedule: true, lastScan: { select: SCAN_SUMMARY_SELECT } } }),
    db.$queryRawUnsafe<Array<ScanSummary & { clusterId: string }>>(
      `SELECT c.id AS "clusterId", s.* FROM "Cluster" c
       CROSS JOIN LATERAL (
         SELECT ${SCAN_COLUMNS} FROM "Scan" WHERE "Scan"."clusterId" = c.id AND "Scan"."orgId" = c."orgId"
         ORDER BY "createdAt" DESC, id DESC LIMIT 1
       ) s
       WHERE c."orgId" = $1`,
      input.orgId,
    ),
  ]);
  const byCluster = new Map(latest.map(({ clusterId, ...s }) => [clusterId, s as ScanSummary]));
  return rows
    .map(({ lastScan, schedule, ...rest }) => ({ ...rest, schedule: schedule as ScanSchedule | null, lastScan: byCluster.get(rest.id) ?? null, lastResult: lastScan }))
    .sort(compareClusters);
}
