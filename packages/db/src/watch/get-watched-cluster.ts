// What a watching worker re-reads about its cluster now and then, in one cheap query: whether it
// is still continuous, and the last scan (a full scan landing asks the live judge to reconcile).
import { db } from "../client";

export interface TWatchedCluster {
  continuous: boolean;
  name: string;
  lastScanId: string | null;
  lastScanTrigger: string | null;
  /** a full scan is queued or running: it will record the cluster's state itself */
  scanInFlight: boolean;
}

export async function getWatchedCluster(input: { orgId: string; clusterId: string }): Promise<TWatchedCluster | null> {
  const c = await db.cluster.findFirst({
    where: { id: input.clusterId, orgId: input.orgId },
    select: {
      continuous: true,
      name: true,
      lastScanId: true,
      lastScan: { select: { trigger: true } },
      scans: { where: { status: { in: ["queued", "running"] } }, select: { id: true }, take: 1 },
    },
  });
  return c ? { continuous: c.continuous, name: c.name, lastScanId: c.lastScanId, lastScanTrigger: c.lastScan?.trigger ?? null, scanInFlight: c.scans.length > 0 } : null;
}

/**
 * The unresolved findings of a cluster (open, reopened, in progress, excepted, expected), as
 * "fingerprint severity" keys: what the live judge compares its own judgement with.
 */
export async function listUnresolvedFindingKeys(input: { orgId: string; clusterId: string }): Promise<Set<string>> {
  const rows = await db.finding.findMany({
    where: { orgId: input.orgId, clusterId: input.clusterId, status: { not: "resolved" } },
    select: { fingerprint: true, severity: true },
  });
  return new Set(rows.map((r) => `${r.fingerprint} ${r.severity}`));
}
