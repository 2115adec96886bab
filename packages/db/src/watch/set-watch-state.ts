// A watched cluster's state as the cluster page shows it: "starting", "live", "fallback" (the
// credential may not watch: scheduled scans only), "error" (retrying) or "off".
import { db } from "../client";

export type TWatchState = "off" | "starting" | "live" | "fallback" | "error";

export async function setWatchState(input: { orgId: string; clusterId: string; state: TWatchState; error?: string | null; lastEventAt?: Date }): Promise<void> {
  await db.cluster.updateMany({
    where: { id: input.clusterId, orgId: input.orgId },
    data: {
      watchState: input.state,
      watchError: input.error ? input.error.slice(0, 1000) : null,
      ...(input.lastEventAt ? { lastEventAt: input.lastEventAt } : {}),
    },
  });
}

/** Moves lastEventAt forward only (batches may be stored out of order across a lease handover). */
export async function touchLastEventAt(input: { orgId: string; clusterId: string; at: Date }): Promise<void> {
  await db.cluster.updateMany({
    where: { id: input.clusterId, orgId: input.orgId, OR: [{ lastEventAt: null }, { lastEventAt: { lt: input.at } }] },
    data: { lastEventAt: input.at },
  });
}
