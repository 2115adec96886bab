// Every cluster of the organization with the namespaces Bulwark has seen on it (those of the
// objects stored for its findings, and Namespace objects themselves), for choosing a compliance
// scope. Namespaces without any finding are not known here; the scope editor accepts typed names.
import { db } from "../client";

export interface TClusterNamespaces {
  clusterId: string;
  clusterName: string;
  namespaces: string[];
}

export async function listClusterNamespaces(input: { orgId: string }): Promise<TClusterNamespaces[]> {
  const [clusters, rows] = await Promise.all([
    db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.$queryRaw<Array<{ clusterId: string; namespace: string }>>`
      SELECT DISTINCT "clusterId", CASE WHEN kind = 'Namespace' AND namespace IS NULL THEN name ELSE namespace END AS namespace
      FROM "ClusterObject"
      WHERE "orgId" = ${input.orgId} AND (namespace IS NOT NULL OR kind = 'Namespace')
      ORDER BY 1, 2`,
  ]);
  const byCluster = new Map<string, string[]>();
  for (const r of rows) byCluster.set(r.clusterId, [...(byCluster.get(r.clusterId) ?? []), r.namespace]);
  return clusters.map((c) => ({ clusterId: c.id, clusterName: c.name, namespaces: byCluster.get(c.id) ?? [] }));
}
