// Organization-wide posture per day, aggregated in Postgres: at most one row per day comes back
// however many clusters there are (200 clusters x 365 daily scans: 365 rows, not 73,000).
// Each cluster's state on a day is its last successful scan that day, carried forward on days it
// was not scanned; the sums are built from per-cluster changes (this point minus the cluster's
// previous point), so carrying forward needs no cluster x day grid. Same rules as getTrendSeries:
// a cluster's first successful scan is its baseline and adds no "new".
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";

export interface TTrendTotal {
  /** UTC day, YYYY-MM-DD; "" for the state before the range (each cluster's last scan before `from`). */
  day: string;
  /** Running state after the day's scans: summed over clusters with a known scan. */
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  /** Open risks (attack paths) per severity, same running state. */
  riskCritical: number;
  riskHigh: number;
  riskMedium: number;
  riskLow: number;
  /** Sum of the known scores and how many clusters have one (the mean is scoreSum / scored). */
  scoreSum: number;
  scored: number;
  /** That day's changes, summed over every successful scan. */
  newCount: number;
  fixedCount: number;
  reopenedCount: number;
  scans: number;
}

type Row = { day: string } & Record<Exclude<keyof TTrendTotal, "day">, number | bigint | null>;

export async function getTrendTotals(input: { orgId: string; from: Date; to?: Date; clusterIds?: string[] }): Promise<TTrendTotal[]> {
  const to = input.to ?? new Date();
  const cc = input.clusterIds?.length ? Prisma.sql`AND c.id IN (${Prisma.join(input.clusterIds)})` : Prisma.empty;
  const ok = Prisma.sql`status IN ('succeeded', 'partial')`;
  const rows = await db.$queryRaw<Row[]>`
    WITH cl AS (
      SELECT c.id, f."finishedAt" AS first_at FROM "Cluster" c
      LEFT JOIN LATERAL (
        SELECT "finishedAt" FROM "Scan" WHERE "clusterId" = c.id AND ${ok} AND "finishedAt" IS NOT NULL ORDER BY "createdAt", id LIMIT 1
      ) f ON true
      WHERE c."orgId" = ${input.orgId} ${cc}
    ), base AS (
      SELECT cl.id AS cid, '' AS day, b.score, b.critical, b.high, b.medium, b.low, b.info, b."riskCritical", b."riskHigh", b."riskMedium", b."riskLow", 0::bigint AS n, 0::bigint AS fx, 0::bigint AS ro, 0::bigint AS scans
      FROM cl CROSS JOIN LATERAL (
        SELECT score, critical, high, medium, low, info, "riskCritical", "riskHigh", "riskMedium", "riskLow" FROM "Scan"
        WHERE "clusterId" = cl.id AND ${ok} AND "createdAt" < ${input.from} AND "finishedAt" < ${input.from}
        ORDER BY "createdAt" DESC, id DESC LIMIT 1
      ) b
    ), pts AS (
      SELECT DISTINCT ON (s."clusterId", s.day) s."clusterId" AS cid, s.day, s.score, s.critical, s.high, s.medium, s.low, s.info,
        s."riskCritical", s."riskHigh", s."riskMedium", s."riskLow",
        SUM(CASE WHEN s."finishedAt" = cl.first_at THEN 0 ELSE s."newCount" END) OVER w AS n, SUM(s."fixedCount") OVER w AS fx,
        SUM(s."reopenedCount") OVER w AS ro, COUNT(*) OVER w AS scans
      FROM (
        SELECT "clusterId", "finishedAt", score, critical, high, medium, low, info, "riskCritical", "riskHigh", "riskMedium", "riskLow", "newCount", "fixedCount", "reopenedCount",
               to_char("finishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
        FROM "Scan"
        WHERE "orgId" = ${input.orgId} AND ${ok} AND "finishedAt" >= ${input.from} AND "finishedAt" <= ${to}
      ) s JOIN cl ON cl.id = s."clusterId"
      WINDOW w AS (PARTITION BY s."clusterId", s.day)
      ORDER BY s."clusterId", s.day, s."finishedAt" DESC
    ), d AS (
      SELECT day,
        critical - COALESCE(LAG(critical) OVER p, 0) AS critical, high - COALESCE(LAG(high) OVER p, 0) AS high,
        medium - COALESCE(LAG(medium) OVER p, 0) AS medium, low - COALESCE(LAG(low) OVER p, 0) AS low, info - COALESCE(LAG(info) OVER p, 0) AS info,
        "riskCritical" - COALESCE(LAG("riskCritical") OVER p, 0) AS "riskCritical", "riskHigh" - COALESCE(LAG("riskHigh") OVER p, 0) AS "riskHigh",
        "riskMedium" - COALESCE(LAG("riskMedium") OVER p, 0) AS "riskMedium", "riskLow" - COALESCE(LAG("riskLow") OVER p, 0) AS "riskLow",
        COALESCE(score, 0) - COALESCE(LAG(score) OVER p, 0) AS "scoreSum",
        (score IS NOT NULL)::int - COALESCE(LAG((score IS NOT NULL)::int) OVER p, 0) AS scored,
        n, fx, ro, scans
      FROM (SELECT * FROM base UNION ALL SELECT * FROM pts) a
      WINDOW p AS (PARTITION BY cid ORDER BY day)
    )
    SELECT day, SUM(critical) AS critical, SUM(high) AS high, SUM(medium) AS medium, SUM(low) AS low, SUM(info) AS info,
      SUM("riskCritical") AS "riskCritical", SUM("riskHigh") AS "riskHigh", SUM("riskMedium") AS "riskMedium", SUM("riskLow") AS "riskLow",
      SUM("scoreSum") AS "scoreSum", SUM(scored) AS scored, SUM(n) AS "newCount", SUM(fx) AS "fixedCount", SUM(ro) AS "reopenedCount", SUM(scans) AS scans
    FROM d GROUP BY day ORDER BY day`;
  // The per-day sums are changes; running sums turn them into each day's state.
  const out: TTrendTotal[] = [];
  const run = { critical: 0, high: 0, medium: 0, low: 0, info: 0, riskCritical: 0, riskHigh: 0, riskMedium: 0, riskLow: 0, scoreSum: 0, scored: 0 };
  const num = (v: number | bigint | null) => Number(v ?? 0);
  for (const r of rows) {
    for (const k of Object.keys(run) as Array<keyof typeof run>) run[k] += num(r[k]);
    // Scores carry one decimal: keep the running sum from drifting in binary floating point.
    run.scoreSum = Math.round(run.scoreSum * 10) / 10;
    out.push({ day: r.day, ...run, newCount: num(r.newCount), fixedCount: num(r.fixedCount), reopenedCount: num(r.reopenedCount), scans: num(r.scans) });
  }
  return out;
}
