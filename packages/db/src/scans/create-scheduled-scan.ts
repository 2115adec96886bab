import type { Scan, ScanTrigger } from "../generated/prisma/client";
import { db } from "../client";
import { insertQueuedScan } from "./create-scan";

/**
 * The scan row for a job that arrives without one (a scheduler firing). Returns null when the
 * cluster is gone or already has a queued or running scan, so a double fire (two workers, a
 * retried scheduler job) never produces two scans.
 */
export async function createScheduledScan(input: { orgId: string; clusterId: string; trigger?: ScanTrigger }): Promise<Scan | null> {
  return db.$transaction(async (tx) => {
    const res = await insertQueuedScan(tx, { orgId: input.orgId, clusterId: input.clusterId, trigger: input.trigger ?? "schedule" });
    return res && "scan" in res ? res.scan : null;
  });
}
