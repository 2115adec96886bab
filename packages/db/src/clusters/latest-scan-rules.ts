// Per-rule statuses of each cluster's latest succeeded or partial scan (Cluster.lastScan, which
// only recordScanResults moves), for views that judge frameworks across every cluster at once.
// One query, no findings read: the stored Scan.rules array is all a framework needs.
import type { RuleStatus } from "@bulwark/rules";
import { db } from "../client";

export interface TClusterScanRules {
  clusterId: string;
  clusterName: string;
  /** Null when the cluster has no completed scan yet. */
  scan: { id: string; status: string; finishedAt: Date | null; rules: RuleStatus[] } | null;
}

export async function listLatestScanRules(input: { orgId: string }): Promise<TClusterScanRules[]> {
  const rows = await db.cluster.findMany({
    where: { orgId: input.orgId },
    select: { id: true, name: true, lastScan: { select: { id: true, orgId: true, status: true, finishedAt: true, rules: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    clusterId: r.id,
    clusterName: r.name,
    // The org check on the scan is belt and braces: a cluster's lastScan is always its own.
    scan:
      r.lastScan && r.lastScan.orgId === input.orgId
        ? { id: r.lastScan.id, status: r.lastScan.status, finishedAt: r.lastScan.finishedAt, rules: Array.isArray(r.lastScan.rules) ? (r.lastScan.rules as unknown as RuleStatus[]) : [] }
        : null,
  }));
}
