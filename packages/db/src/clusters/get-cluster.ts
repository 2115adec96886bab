import { db } from "../client";
import { CREDENTIAL_OMIT, clusterSummaryInclude, toSummary, type ClusterDetail } from "./cluster-summary";

export async function getCluster(input: { orgId: string; clusterId: string }): Promise<ClusterDetail | null> {
  const row = await db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, omit: CREDENTIAL_OMIT, include: clusterSummaryInclude(20) });
  if (!row) return null;
  return { ...toSummary(row), recentScans: row.scans };
}
