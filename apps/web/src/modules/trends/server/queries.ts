// The trends page's data: daily summary rows (one per cluster per day) shaped into chart rows,
// plus remediation figures. Reads only precomputed per-scan summaries and grouped counts.
import { getRemediationStats, getTrendSeries, type TRemediationStats } from "@bulwark/db";
import { rangeOf, type TTrendsQuery } from "../trends.schemas";
import { bucketRows, buildTrendRows, type TTrendRow } from "../trends-series";

export interface TTrendsView {
  from: Date;
  to: Date;
  days: number;
  /** 1 = daily rows, 7 = weekly */
  bucket: number;
  allClusters: { id: string; name: string }[];
  clusters: { id: string; name: string }[];
  rows: TTrendRow[];
  scanCount: number;
  latest: TTrendRow | null;
  first: TTrendRow | null;
  remediation: TRemediationStats;
}

export async function queryTrends(orgId: string, q: TTrendsQuery): Promise<TTrendsView> {
  const { from, to, days } = rangeOf(q);
  // Unknown ids (another organization's, deleted) simply match nothing: every query is org-scoped.
  const ids = q.cluster.length ? q.cluster : undefined;
  const [series, remediation] = await Promise.all([
    getTrendSeries({ orgId, from, to, ...(ids ? { clusterIds: ids } : {}) }),
    getRemediationStats({ orgId, from, ...(ids ? { clusterIds: ids } : {}) }),
  ]);
  const daily = buildTrendRows({ from, to, clusterIds: series.clusters.map((c) => c.id), points: series.points, baseline: series.baseline });
  const bucket = days > 120 ? 7 : 1;
  const rows = bucketRows(daily, bucket);
  const withScore = daily.filter((r) => r.score !== null);
  return {
    from, to, days, bucket,
    allClusters: series.allClusters,
    clusters: series.clusters,
    rows,
    scanCount: series.points.reduce((a, p) => a + p.scans, 0),
    latest: withScore[withScore.length - 1] ?? null,
    first: withScore[0] ?? null,
    remediation,
  };
}
