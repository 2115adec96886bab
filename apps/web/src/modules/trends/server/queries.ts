// The trends page's data: daily summary rows shaped into chart rows, plus remediation figures.
// Reads only precomputed per-scan summaries and grouped counts. With up to MAX_CLUSTER_LINES
// clusters in scope it reads one point per cluster per day (per-cluster lines); beyond that the
// organization's daily totals are aggregated in Postgres (one row per day, whatever the fleet size).
// Vulnerability trends come from ImageCve history (open CVEs per day, mean time to patch).
import { MAX_VULN_TREND_DAYS, getRemediationStats, getTrendSeries, getTrendTotals, vulnTrends, type TRemediationStats, type TVulnTrends } from "@bulwark/db";
import { rangeOf, type TTrendsQuery } from "../trends.schemas";
import { MAX_CLUSTER_LINES, bucketRows, bucketVulnDays, buildTotalRows, buildTrendRows, type TTrendRow } from "../trends-series";

export interface TTrendsView {
  from: Date;
  to: Date;
  days: number;
  /** 1 = daily rows, 7 = weekly */
  bucket: number;
  allClusters: { id: string; name: string }[];
  clusters: { id: string; name: string }[];
  /** Whether rows carry per-cluster scores (at most MAX_CLUSTER_LINES clusters in scope). */
  perCluster: boolean;
  rows: TTrendRow[];
  scanCount: number;
  latest: TTrendRow | null;
  first: TTrendRow | null;
  remediation: TRemediationStats;
  /** Open critical/high CVEs per day (bucketed like rows; the last year of a longer range) and mean time to patch. */
  vulns: TVulnTrends;
}

export async function queryTrends(orgId: string, q: TTrendsQuery): Promise<TTrendsView> {
  const { from, to, days } = rangeOf(q);
  // Unknown ids (another organization's, deleted) simply match nothing: every query is org-scoped.
  const ids = q.cluster.length ? q.cluster : undefined;
  const scope = ids ? { clusterIds: ids } : {};
  const [{ series, totals }, remediation, vulns] = await Promise.all([
    getTrendSeries({ orgId, from, to, ...scope, perClusterUpTo: MAX_CLUSTER_LINES }).then(async (series) => ({
      series,
      totals: series.pointsOmitted ? await getTrendTotals({ orgId, from, to, ...scope }) : null,
    })),
    getRemediationStats({ orgId, from, ...scope }),
    vulnTrends({ orgId, days: Math.min(Math.max(days, 1), MAX_VULN_TREND_DAYS), to, ...scope }),
  ]);
  const daily = totals
    ? buildTotalRows({ from, to, totals })
    : buildTrendRows({ from, to, clusterIds: series.clusters.map((c) => c.id), points: series.points, baseline: series.baseline });
  const bucket = days > 120 ? 7 : 1;
  const rows = bucketRows(daily, bucket);
  const withScore = daily.filter((r) => r.score !== null);
  return {
    from, to, days, bucket,
    allClusters: series.allClusters,
    clusters: series.clusters,
    perCluster: !totals,
    rows,
    scanCount: totals ? totals.reduce((a, t) => a + t.scans, 0) : series.points.reduce((a, p) => a + p.scans, 0),
    latest: withScore[withScore.length - 1] ?? null,
    first: withScore[0] ?? null,
    remediation,
    vulns: { ...vulns, days: bucketVulnDays(vulns.days, bucket) },
  };
}
