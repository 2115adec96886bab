import type { Scan } from "../generated/prisma/client";
import { db } from "../client";

export const DEFAULT_STALE_MS = 60_000;

/**
 * The organization already runs as many scans as one organization may (claimScan's
 * maxRunningPerOrg): the caller puts the job back for later, so other tenants get the free slots.
 */
export class OrgScanCapacityError extends Error {
  constructor(
    readonly running: number,
    /** the organization's scans still waiting, to spread the retries of a large backlog */
    readonly queued: number,
  ) {
    super(`the organization already runs ${running} scan(s), its limit`);
    this.name = "OrgScanCapacityError";
  }
}

/**
 * Moves a scan to running for this worker, atomically. Claimable: queued, or running with a
 * heartbeat older than `staleMs` (its worker died). Returns null when the scan is finished, is
 * being run by a live worker, or does not exist in the org: the caller then does nothing, which
 * is what makes a duplicated or retried job harmless.
 *
 * With `maxRunningPerOrg`, throws OrgScanCapacityError when the organization already has that many
 * live running scans (on any worker). A per-organization advisory lock makes count-then-claim
 * atomic, so concurrent workers cannot together overshoot the limit.
 */
export async function claimScan(input: { orgId: string; scanId: string; workerId: string; staleMs?: number; maxRunningPerOrg?: number }): Promise<Scan | null> {
  const claimed = await db.$transaction(async (tx) => {
    if (input.maxRunningPerOrg !== undefined) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scan-org:${input.orgId}`}))`;
    // Times are taken once the lock is held: a claim that waited must not look older than it is.
    const now = new Date();
    const staleBefore = new Date(now.getTime() - (input.staleMs ?? DEFAULT_STALE_MS));
    const claimable = {
      id: input.scanId,
      orgId: input.orgId,
      OR: [{ status: "queued" as const }, { status: "running" as const, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] }],
    };
    if (input.maxRunningPerOrg !== undefined) {
      // Only scans this claim could happen for count: a finished or foreign scan is a no-op below.
      if (!(await tx.scan.findFirst({ where: claimable, select: { id: true } }))) return false;
      const running = await tx.scan.count({ where: { orgId: input.orgId, status: "running", heartbeatAt: { gte: staleBefore }, id: { not: input.scanId } } });
      if (running >= input.maxRunningPerOrg) {
        const queued = await tx.scan.count({ where: { orgId: input.orgId, status: "queued" } });
        throw new OrgScanCapacityError(running, queued);
      }
    }
    const data = { status: "running" as const, attempts: { increment: 1 }, workerId: input.workerId, heartbeatAt: now, phase: "connecting", progress: 1, error: null };
    if ((await tx.scan.updateMany({ where: claimable, data })).count !== 1) return false;
    // startedAt keeps the first attempt's time.
    await tx.scan.updateMany({ where: { id: input.scanId, startedAt: null }, data: { startedAt: now } });
    return true;
  });
  if (!claimed) return null;
  return db.scan.findUnique({ where: { id: input.scanId } });
}
