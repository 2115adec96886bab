// What an open page polls to know whether to re-render: the stamps continuous judging and
// finished scans move. Tiny on purpose (one aggregate row), as every open tab asks every few seconds.
import { db } from "../client";

export interface TLiveStamps {
  /** changes whenever findings, risks or scores may have changed: compare, don't parse */
  stamp: string;
  /** the last watch event of the cluster (or of any cluster of the organization) */
  lastEventAt: Date | null;
  liveUpdatedAt: Date | null;
  lastScanAt: Date | null;
  /** clusters whose watch is live */
  live: number;
  clusters: number;
  /** one cluster's watch (asked with clusterId) */
  watch?: { continuous: boolean; state: string; error: string | null };
  /** one cluster's newest recorded change (asked with clusterId): the change history follows it */
  lastChangeAt?: Date | null;
}

/** One cluster's stamps (clusterId) or the organization's; an unknown or foreign cluster is null. */
export async function getLiveStamps(input: { orgId: string; clusterId?: string }): Promise<TLiveStamps | null> {
  const where = { orgId: input.orgId, ...(input.clusterId ? { id: input.clusterId } : {}) };
  const [agg, live, one, change] = await Promise.all([
    db.cluster.aggregate({ where, _max: { lastEventAt: true, liveUpdatedAt: true, lastScanAt: true }, _count: { _all: true } }),
    db.cluster.count({ where: { ...where, watchState: "live" } }),
    input.clusterId ? db.cluster.findFirst({ where, select: { continuous: true, watchState: true, watchError: true } }) : null,
    input.clusterId ? db.clusterChange.findFirst({ where: { orgId: input.orgId, clusterId: input.clusterId }, orderBy: { at: "desc" }, select: { at: true } }) : null,
  ]);
  if (input.clusterId && !one) return null;
  const m = agg._max;
  // Not lastEventAt: a steady stream of harmless events must not re-render pages every poll (the
  // client shows the event time from this answer). The counts catch added/removed clusters and
  // watches going live or dropping.
  const stamp = [m.liveUpdatedAt, m.lastScanAt].map((d) => d?.getTime() ?? 0).join(".") + `.${agg._count._all}.${live}`;
  return {
    stamp,
    lastEventAt: m.lastEventAt,
    liveUpdatedAt: m.liveUpdatedAt,
    lastScanAt: m.lastScanAt,
    live,
    clusters: agg._count._all,
    ...(one ? { watch: { continuous: one.continuous, state: one.watchState, error: one.watchError }, lastChangeAt: change?.at ?? null } : {}),
  };
}
