import { db } from "../client";
import { CREDENTIAL_OMIT, clusterSummaryInclude, compareClusters, toSummary, type ClusterSummary } from "./cluster-summary";

export async function listClusters(input: { orgId: string }): Promise<ClusterSummary[]> {
  const rows = await db.cluster.findMany({ where: { orgId: input.orgId }, omit: CREDENTIAL_OMIT, include: clusterSummaryInclude(1) });
  return rows.map(toSummary).sort(compareClusters);
}
