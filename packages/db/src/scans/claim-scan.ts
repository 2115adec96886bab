import type { Scan } from "../generated/prisma/client";
import { db } from "../client";

export const DEFAULT_STALE_MS = 60_000;

/**
 * Moves a scan to running for this worker, atomically. Claimable: queued, or running with a
 * heartbeat older than `staleMs` (its worker died). Returns null when the scan is finished, is
 * being run by a live worker, or does not exist in the org: the caller then does nothing, which
 * is what makes a duplicated or retried job harmless.
 */
export async function claimScan(input: { orgId: string; scanId: string; workerId: string; staleMs?: number }): Promise<Scan | null> {
  const staleBefore = new Date(Date.now() - (input.staleMs ?? DEFAULT_STALE_MS));
  const now = new Date();
  const res = await db.scan.updateMany({
    where: {
      id: input.scanId,
      orgId: input.orgId,
      OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] }],
    },
    data: { status: "running", attempts: { increment: 1 }, workerId: input.workerId, heartbeatAt: now, phase: "connecting", progress: 1, error: null },
  });
  if (res.count !== 1) return null;
  // startedAt keeps the first attempt's time.
  await db.scan.updateMany({ where: { id: input.scanId, startedAt: null }, data: { startedAt: now } });
  return db.scan.findUnique({ where: { id: input.scanId } });
}
