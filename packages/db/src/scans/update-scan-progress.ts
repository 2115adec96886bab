import { db } from "../client";

/**
 * Progress and phase, which also count as a heartbeat. Guarded by workerId so a worker that lost
 * its claim (declared dead, scan re-claimed) can't overwrite the new owner's progress; returns
 * false in that case so the caller can stop.
 */
export async function updateScanProgress(input: { orgId: string; scanId: string; workerId: string; progress: number; phase: string }): Promise<boolean> {
  const res = await db.scan.updateMany({
    where: { id: input.scanId, orgId: input.orgId, workerId: input.workerId, status: "running" },
    data: { progress: Math.max(0, Math.min(99, Math.round(input.progress))), phase: input.phase, heartbeatAt: new Date() },
  });
  return res.count === 1;
}
