// Requested scans (button, API, "scan all"): one queued or running scan per cluster, enforced by the
// database (ScanInProgressError names the scan already there, answered 409), and a rate limit per
// organization so one tenant cannot keep the shared workers busy with back-to-back requests.
// (Relative imports: Vitest runs this module without the app's path aliases.)
import { ScanInProgressError, countQueuedScans, createScan } from "@bulwark/db";
import { enqueueScan, hitRateLimit } from "@bulwark/jobs";
import { HttpError } from "../../auth/server/errors";
import type { TOrgContext } from "../../auth/server/session";

/** Scans one organization may request per hour (each cluster still gets at most one at a time). */
export const MANUAL_SCANS_PER_ORG = { name: "scan:org", limit: 120, windowSeconds: 3600 } as const;
/** "Scan all" fans out to every cluster: a few times an hour is plenty. */
export const SCAN_ALL_PER_ORG = { name: "scan-all:org", limit: 6, windowSeconds: 3600 } as const;

export async function checkScanRate(ctx: Pick<TOrgContext, "orgId">, limit: typeof MANUAL_SCANS_PER_ORG | typeof SCAN_ALL_PER_ORG = MANUAL_SCANS_PER_ORG): Promise<void> {
  const r = await hitRateLimit({ ...limit, id: ctx.orgId });
  if (!r.allowed) {
    throw new HttpError(429, `Too many scans requested for this organization; try again in ${Math.ceil(r.retryAfterSeconds / 60)} minute(s). Scheduled scans continue.`, "rate_limited", undefined, { retryAfterSeconds: r.retryAfterSeconds });
  }
}

export async function enqueueOrExplain<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    console.error(`[bulwark/web] enqueue ${what} failed`, err);
    throw new HttpError(503, `Saved, but the job queue is unreachable, so the ${what} was not started. Check that Redis and the worker are running, then try again.`, "queue_unavailable");
  }
}

/** Creates and enqueues one scan; a cluster with a scan queued or running answers 409 naming it. */
export async function requestScan(ctx: Pick<TOrgContext, "orgId" | "userId" | "ip">, clusterId: string, trigger: "manual" | "api" | "onboarding") {
  let scan;
  try {
    scan = await createScan({ orgId: ctx.orgId, clusterId, trigger, actorId: ctx.userId, ip: ctx.ip });
  } catch (err) {
    if (err instanceof ScanInProgressError) throw new HttpError(409, err.message, "scan_in_progress", undefined, { scanId: err.scanId, status: err.status });
    throw err;
  }
  // The organization's other waiting scans put this one behind other tenants' earlier ones.
  const backlog = (await countQueuedScans({ orgId: ctx.orgId })) - 1;
  await enqueueOrExplain("scan", () => enqueueScan({ orgId: ctx.orgId, clusterId, scanId: scan.id, trigger }, { backlog }));
  return scan;
}
