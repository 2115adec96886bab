// The first render's live stamps, in the shape the poll answers (dates as ISO strings).
import { getLiveStamps } from "@bulwark/db";
import type { TLiveView } from "../live-status";

export async function initialLive(orgId: string, clusterId?: string): Promise<TLiveView> {
  const s = await getLiveStamps({ orgId, ...(clusterId ? { clusterId } : {}) });
  if (!s) return { stamp: "", lastEventAt: null, live: 0, clusters: 0 };
  return { stamp: s.stamp, lastEventAt: s.lastEventAt?.toISOString() ?? null, live: s.live, clusters: s.clusters, ...(s.watch ? { watch: s.watch, lastChangeAt: s.lastChangeAt?.toISOString() ?? null } : {}) };
}
