import { db } from "../client";

/**
 * The organization's last generated report that covers the cluster: "changes since the last
 * report" start at the state it describes (its as-of time, else when it was made).
 */
export async function getLastClusterReport(input: { orgId: string; clusterId: string }): Promise<{ id: string; framework: string; at: Date } | null> {
  const r = await db.report.findFirst({
    where: { orgId: input.orgId, status: "succeeded", clusterIds: { has: input.clusterId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, framework: true, asOf: true, createdAt: true },
  });
  return r ? { id: r.id, framework: r.framework, at: r.asOf ?? r.createdAt } : null;
}
