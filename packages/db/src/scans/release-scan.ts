import { db } from "../client";
import { MAX_SCAN_ATTEMPTS } from "./recover-stuck-scans";

/**
 * Gives a scan back after an unexpected error so the job's retry can claim it at once: queued
 * again while attempts remain, otherwise failed with the reason. Only the claiming worker may.
 */
export async function releaseScan(input: { orgId: string; scanId: string; workerId: string; reason: string; maxAttempts?: number }): Promise<"queued" | "failed" | null> {
  const max = input.maxAttempts ?? MAX_SCAN_ATTEMPTS;
  const scan = await db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId, workerId: input.workerId, status: "running" }, select: { attempts: true } });
  if (!scan) return null;
  if (scan.attempts < max) {
    await db.scan.updateMany({ where: { id: input.scanId, workerId: input.workerId, status: "running" }, data: { status: "queued", phase: "queued", workerId: null, error: input.reason.slice(0, 2000) } });
    return "queued";
  }
  await db.scan.updateMany({
    where: { id: input.scanId, workerId: input.workerId, status: "running" },
    data: { status: "failed", phase: "done", progress: 100, finishedAt: new Date(), error: input.reason.slice(0, 2000) },
  });
  return "failed";
}
