// Posture over time from the per-scan summary rows only (never from findings), so a year of daily
// scans across hundreds of clusters stays one indexed range read: at most one row per cluster per
// day (the day's last successful scan), with that day's new/fixed/reopened summed.
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";

export interface TTrendPoint {
  clusterId: string;
  /** UTC day, YYYY-MM-DD */
  day: string;
  /** finishedAt of the day's last successful scan */
  at: Date;
  scanId: string;
  score: number | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  /** open risks (attack paths) per severity */
  riskCritical: number;
  riskHigh: number;
  riskMedium: number;
  riskLow: number;
  openCount: number;
  /** summed over every successful scan of that cluster that day; a cluster's first scan (its baseline) adds no "new" */
  newCount: number;
  fixedCount: number;
  reopenedCount: number;
  scans: number;
}

export interface TTrendSeries {
  /** Every cluster of the organization (for the filter). */
  allClusters: { id: string; name: string }[];
  /** The clusters in scope: the filter's, or all. */
  clusters: { id: string; name: string }[];
  points: TTrendPoint[];
  /** Each cluster's last successful scan before `from`, so org-wide lines start from a known state. */
  baseline: TTrendPoint[];
  /** True when more clusters are in scope than `perClusterUpTo`: points and baseline are left empty (use getTrendTotals). */
  pointsOmitted: boolean;
}

/** A row as Postgres returns it: window sums and counts arrive as bigint. */
type Row = Omit<TTrendPoint, "newCount" | "fixedCount" | "reopenedCount" | "scans"> &
  Record<"newCount" | "fixedCount" | "reopenedCount" | "scans", bigint | number>;

const toPoint = (r: Row): TTrendPoint => ({
  ...r,
  newCount: Number(r.newCount),
  fixedCount: Number(r.fixedCount),
  reopenedCount: Number(r.reopenedCount),
  scans: Number(r.scans),
});

/**
 * `perClusterUpTo`: read per-cluster points only when at most this many clusters are in scope (a
 * chart cannot draw more lines anyway); beyond it the org-wide figures come from getTrendTotals,
 * which returns one row per day instead of one per cluster and day.
 */
export async function getTrendSeries(input: { orgId: string; from: Date; to?: Date; clusterIds?: string[]; perClusterUpTo?: number }): Promise<TTrendSeries> {
  const to = input.to ?? new Date();
  const clusterFilter = input.clusterIds?.length ? Prisma.sql`AND "clusterId" IN (${Prisma.join(input.clusterIds)})` : Prisma.empty;
  const allClusters = await db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const clusters = input.clusterIds?.length ? allClusters.filter((c) => input.clusterIds!.includes(c.id)) : allClusters;
  if (input.perClusterUpTo !== undefined && clusters.length > input.perClusterUpTo) return { allClusters, clusters, points: [], baseline: [], pointsOmitted: true };
  const [rows, before] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT DISTINCT ON ("clusterId", day)
        "clusterId", day, "finishedAt" AS at, id AS "scanId", score, critical, high, medium, low, info, "riskCritical", "riskHigh", "riskMedium", "riskLow", "openCount",
        SUM(CASE WHEN baseline THEN 0 ELSE "newCount" END) OVER w AS "newCount", SUM("fixedCount") OVER w AS "fixedCount",
        SUM("reopenedCount") OVER w AS "reopenedCount", COUNT(*) OVER w AS scans
      FROM (
        SELECT *, to_char("finishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
          -- A cluster's first successful scan finds everything at once: it is the baseline, not "new".
          NOT EXISTS (SELECT 1 FROM "Scan" e WHERE e."clusterId" = "Scan"."clusterId" AND e.status IN ('succeeded', 'partial') AND e."finishedAt" < "Scan"."finishedAt") AS baseline
        FROM "Scan"
        WHERE "orgId" = ${input.orgId} AND status IN ('succeeded', 'partial')
          AND "finishedAt" >= ${input.from} AND "finishedAt" <= ${to} ${clusterFilter}
      ) s
      WINDOW w AS (PARTITION BY "clusterId", day)
      ORDER BY "clusterId", day, "finishedAt" DESC`,
    db.$queryRaw<Row[]>`
      SELECT DISTINCT ON ("clusterId")
        "clusterId", to_char("finishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, "finishedAt" AS at, id AS "scanId", score,
        critical, high, medium, low, info, "riskCritical", "riskHigh", "riskMedium", "riskLow", "openCount", 0 AS "newCount", 0 AS "fixedCount", 0 AS "reopenedCount", 1 AS scans
      FROM "Scan"
      WHERE "orgId" = ${input.orgId} AND status IN ('succeeded', 'partial') AND "finishedAt" < ${input.from} ${clusterFilter}
      ORDER BY "clusterId", "finishedAt" DESC`,
  ]);
  const known = new Set(clusters.map((c) => c.id));
  return {
    allClusters,
    clusters,
    points: rows.filter((r) => known.has(r.clusterId)).map(toPoint).sort((a, b) => a.at.getTime() - b.at.getTime()),
    baseline: before.filter((r) => known.has(r.clusterId)).map(toPoint),
    pointsOmitted: false,
  };
}
