import { db } from "../client";
import type { ScanTrigger } from "../generated/prisma/client";

/** Triggers a job runs; live scan records are written by the watching worker, never queued. */
type TJobTrigger = Exclude<ScanTrigger, "live">;

export const MAX_SCAN_ATTEMPTS = 3;

/**
 * System-level (all orgs; the worker runs it): running scans whose heartbeat is older than
 * `olderThanMs` lost their worker. They go back to queued for re-enqueueing, or fail once they
 * have used up their attempts. Also catches queued scans whose job was lost (never claimed for
 * a long time). Live scan records are never running or queued, so never touched. Returns the
 * scans to enqueue again.
 */
export async function recoverStuckScans(input: { olderThanMs: number; maxAttempts?: number; queuedOlderThanMs?: number }): Promise<Array<{ id: string; orgId: string; clusterId: string; trigger: TJobTrigger }>> {
  const max = input.maxAttempts ?? MAX_SCAN_ATTEMPTS;
  const staleBefore = new Date(Date.now() - input.olderThanMs);
  return db.$transaction(async (tx) => {
    await tx.scan.updateMany({
      where: { status: "running", heartbeatAt: { lt: staleBefore }, attempts: { gte: max } },
      data: { status: "failed", phase: "done", finishedAt: new Date(), error: `the worker running this scan stopped responding ${max} times; giving up` },
    });
    const requeue = await tx.scan.findMany({
      where: { status: "running", heartbeatAt: { lt: staleBefore }, attempts: { lt: max } },
      select: { id: true, orgId: true, clusterId: true, trigger: true },
    });
    if (requeue.length) {
      await tx.scan.updateMany({
        where: { id: { in: requeue.map((s) => s.id) }, status: "running", heartbeatAt: { lt: staleBefore } },
        data: { status: "queued", phase: "queued", workerId: null },
      });
    }
    const lostBefore = new Date(Date.now() - (input.queuedOlderThanMs ?? 10 * 60_000));
    const lost = await tx.scan.findMany({
      where: { status: "queued", createdAt: { lt: lostBefore }, id: { notIn: requeue.map((s) => s.id) } },
      select: { id: true, orgId: true, clusterId: true, trigger: true },
      take: 500,
    });
    return [...requeue, ...lost].filter((s): s is typeof s & { trigger: TJobTrigger } => s.trigger !== "live");
  });
}
