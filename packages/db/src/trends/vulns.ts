// Vulnerability trends from ImageCve history: open critical and high CVEs per day, and mean time to
// patch, per cluster and for the fleet. A CVE counts once per cluster x image, however many of the
// image's packages carry it: it opens when the first package row is seen and closes when the last
// one resolves (its worst severity, fixable when any package has a fix). Two grouped queries, each
// bounded by the number of days or clusters it answers, never by the number of CVE rows it returns.
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";

/** Longest range the trends answer (a year and a day, for leap years). */
export const MAX_VULN_TREND_DAYS = 366;

export interface TVulnTrendDay {
  /** UTC day, YYYY-MM-DD: the counts are the CVEs still open at the end of that day. */
  day: string;
  critical: number;
  high: number;
}

/** Open CVEs now and patching speed over the range, for one cluster or the fleet. */
export interface TVulnTrendSummary {
  /** Open at the end of the range (distinct cluster x image x CVE). */
  openCritical: number;
  openHigh: number;
  /** Fixable CVEs resolved within the range. */
  patched: number;
  /** Mean days from first seen to resolved over `patched`; null when none was. */
  mttpDays: number | null;
  /** The same for critical CVEs alone. */
  patchedCritical: number;
  mttpCriticalDays: number | null;
}

export interface TVulnTrends {
  /** First and last UTC day of the range. */
  from: string;
  to: string;
  days: TVulnTrendDay[];
  fleet: TVulnTrendSummary;
  /** Clusters in scope with any CVE history, by name. */
  clusters: ({ clusterId: string; name: string } & TVulnTrendSummary)[];
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type SummaryRow = {
  clusterId: string | null;
  name: string | null;
  openCritical: bigint;
  openHigh: bigint;
  patched: bigint;
  mttpDays: number | null;
  patchedCritical: bigint;
  mttpCriticalDays: number | null;
};

const toSummary = (r: SummaryRow | undefined): TVulnTrendSummary => ({
  openCritical: Number(r?.openCritical ?? 0),
  openHigh: Number(r?.openHigh ?? 0),
  patched: Number(r?.patched ?? 0),
  mttpDays: r?.mttpDays ?? null,
  patchedCritical: Number(r?.patchedCritical ?? 0),
  mttpCriticalDays: r?.mttpCriticalDays ?? null,
});

/**
 * Open critical/high CVEs per day over the last `days` UTC days ending with `to`'s day (default
 * today), and per cluster and fleet: open now and mean time to patch. `clusterId` (or several
 * `clusterIds`, the trends page's filter) narrows the scope; ids of another organization match
 * nothing. "Resolved" is what the scans saw: a CVE the image no longer has, or whose image or
 * report went away, or that an exception now covers.
 */
export async function vulnTrends(input: { orgId: string; clusterId?: string; clusterIds?: string[]; days: number; to?: Date }): Promise<TVulnTrends> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_VULN_TREND_DAYS) throw new RangeError(`days must be a whole number from 1 to ${MAX_VULN_TREND_DAYS}`);
  const toDay = isoDay(input.to ?? new Date());
  const fromDay = isoDay(new Date(Date.parse(`${toDay}T00:00:00Z`) - (input.days - 1) * DAY_MS));
  const ids = [...(input.clusterId ? [input.clusterId] : []), ...(input.clusterIds ?? [])];
  const cf = ids.length ? Prisma.sql`AND "clusterId" IN (${Prisma.join(ids)})` : Prisma.empty;
  // The range is [from, end) on timestamps: Prisma stores UTC in timestamp(3) columns.
  const from = Prisma.sql`${fromDay}::date::timestamp`;
  const end = Prisma.sql`(${toDay}::date + 1)::timestamp`;

  // One interval per cluster x image x CVE, from the package rows that overlap the range (rows
  // resolved before it cannot make the CVE open on any of its days). rank: 0 critical, 1 high.
  const perCve = (severities: Prisma.Sql) => Prisma.sql`
    SELECT "clusterId", "imageId", cve,
      MIN("firstSeenAt") AS opened,
      CASE WHEN bool_or("resolvedAt" IS NULL) THEN NULL ELSE MAX("resolvedAt") END AS closed,
      MIN(CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 ELSE 2 END) AS rank,
      bool_or(fixable) AS fixable
    FROM "ImageCve"
    WHERE "orgId" = ${input.orgId} AND severity IN (${severities}) AND ("resolvedAt" IS NULL OR "resolvedAt" >= ${from}) AND "firstSeenAt" < ${end} ${cf}
    GROUP BY "clusterId", "imageId", cve`;
  const patched = Prisma.sql`c.fixable AND c.closed < ${end}`;
  const mttp = Prisma.sql`EXTRACT(EPOCH FROM (c.closed - c.opened)) / 86400`;

  const [days, summary] = await Promise.all([
    // A +1 on the day a CVE opens (the range's first day for one already open) and a -1 on the day
    // it closes, summed per day and accumulated: O(CVEs + days), with no CVE x day join.
    db.$queryRaw<{ day: string; critical: bigint; high: bigint }[]>`
      WITH c AS (${perCve(Prisma.sql`'critical', 'high'`)}),
      ev AS (
        SELECT GREATEST(date_trunc('day', opened), ${from}) AS day, rank, 1 AS delta FROM c
        UNION ALL
        SELECT date_trunc('day', closed), rank, -1 FROM c WHERE closed < ${end}
      )
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
        SUM(COALESCE(SUM(ev.delta) FILTER (WHERE ev.rank = 0), 0)) OVER (ORDER BY d.day) AS critical,
        SUM(COALESCE(SUM(ev.delta) FILTER (WHERE ev.rank = 1), 0)) OVER (ORDER BY d.day) AS high
      FROM generate_series(${from}, ${end} - interval '1 day', interval '1 day') AS d(day)
      LEFT JOIN ev ON ev.day = d.day
      GROUP BY d.day
      ORDER BY d.day`,
    // Per cluster and for the fleet in one pass (GROUPING SETS): open at the end of the range, and
    // fixable CVEs of any severity resolved within it.
    db.$queryRaw<(SummaryRow & { fleet: number })[]>`
      SELECT s.*, k.name
      FROM (
        WITH c AS (${perCve(Prisma.sql`'critical', 'high', 'medium', 'low', 'info'`)})
        SELECT GROUPING(c."clusterId")::int AS fleet, c."clusterId",
          COUNT(*) FILTER (WHERE c.rank = 0 AND c.closed IS NULL OR c.rank = 0 AND c.closed >= ${end}) AS "openCritical",
          COUNT(*) FILTER (WHERE c.rank = 1 AND c.closed IS NULL OR c.rank = 1 AND c.closed >= ${end}) AS "openHigh",
          COUNT(*) FILTER (WHERE ${patched}) AS patched,
          (AVG(${mttp}) FILTER (WHERE ${patched}))::float8 AS "mttpDays",
          COUNT(*) FILTER (WHERE ${patched} AND c.rank = 0) AS "patchedCritical",
          (AVG(${mttp}) FILTER (WHERE ${patched} AND c.rank = 0))::float8 AS "mttpCriticalDays"
        FROM c
        GROUP BY GROUPING SETS ((c."clusterId"), ())
      ) s
      LEFT JOIN "Cluster" k ON k.id = s."clusterId" AND k."orgId" = ${input.orgId}`,
  ]);
  const clusters = summary
    .filter((r) => r.fleet === 0 && r.clusterId)
    .map((r) => ({ clusterId: r.clusterId!, name: r.name ?? r.clusterId!, ...toSummary(r) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    from: fromDay,
    to: toDay,
    days: days.map((d) => ({ day: d.day, critical: Number(d.critical), high: Number(d.high) })),
    fleet: toSummary(summary.find((r) => r.fleet === 1)),
    clusters,
  };
}
