// Page-side reads shared by the access pages: the cluster a URL names (404 when it is not the
// caller's, as the API answers) and the clusters with their namespaces for the forms.
import { notFound } from "next/navigation";
import { getCluster, listClusterNamespaces } from "@bulwark/db";

/** The cluster a page's URL names, or the not-found page (also for another organization's id). */
export async function clusterOr404(orgId: string, clusterId: string | undefined): Promise<void> {
  if (!clusterId) return;
  if (!(await getCluster({ orgId, clusterId }))) notFound();
}

/** Clusters (name order) and every namespace seen on any of them, for the forms' choices. */
export async function formChoices(orgId: string): Promise<{ clusters: Array<{ id: string; name: string }>; namespaces: string[] }> {
  const rows = await listClusterNamespaces({ orgId });
  return { clusters: rows.map((r) => ({ id: r.clusterId, name: r.clusterName })), namespaces: [...new Set(rows.flatMap((r) => r.namespaces))].sort() };
}

/** The search params a page got, as the schemas read them (a repeated key stays an array). */
export type TSearch = Record<string, string | string[] | undefined>;
