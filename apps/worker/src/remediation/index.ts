// Fixes applied with approval (issue 19). The one place that reads a cluster's write credential:
// an approved FixRequest is claimed (approved -> applying), its patches go to the cluster through
// the writer (owner chain, GitOps refusal, server-side dry run of all, then the patches with
// fieldManager bulwark), the outcome is recorded on the request, its findings and the audit log,
// and a scan is requested that verifies the findings are gone (afterScanFixes settles it).
import {
  ScanInProgressError,
  claimFixApply,
  countQueuedScans,
  createScan,
  getClusterWriteCredential,
  getOrganization,
  recordFixOutcome,
  setFixVerifyScan,
  settleFixVerifications,
} from "@bulwark/db";
import { ZFixApplyJob, enqueueScan } from "@bulwark/jobs";
import { applyPatches, type ApplyPatchesResult } from "@bulwark/k8s";
import { decryptCredential } from "@bulwark/security";
import type { WorkerContext } from "../context";

type Log = WorkerContext["log"];

/** Budget for one request's reads, dry runs and patches. */
const APPLY_DEADLINE_MS = 60_000;

/** Applies one approved FixRequest: owner/GitOps checks, server-side dry run, patch (fieldManager bulwark), verifying rescan. */
export async function processFixApply(job: { data: unknown }, ctx: WorkerContext): Promise<{ outcome: string; reason?: string; scanId?: string }> {
  const parsed = ZFixApplyJob.safeParse(job.data);
  if (!parsed.success) return { outcome: "skipped", reason: `invalid job: ${parsed.error.issues.map((i) => i.message).join("; ")}` };
  const { orgId, fixRequestId } = parsed.data;
  const claim = await claimFixApply({ orgId, id: fixRequestId });
  if (!("claimed" in claim)) return { outcome: "skipped", reason: claim.status ? `the fix request is ${claim.status}, not approved` : "no such fix request" };
  const req = claim.claimed;
  const fail = async (status: "failed" | "refused", error: string, targets: ApplyPatchesResult["outcomes"] = []) => {
    await recordFixOutcome({ orgId, id: req.id, status, error, targets: targets.length ? targets : req.plan.map((e) => ({ target: e.target })) });
    ctx.log(`fix ${status}`, { fixRequestId: req.id, reason: error });
    return { outcome: status, reason: error };
  };

  let result: ApplyPatchesResult;
  try {
    const [credential, org] = await Promise.all([getClusterWriteCredential({ orgId, clusterId: req.clusterId }), getOrganization({ orgId })]);
    if (!credential || !org) return await fail("failed", "the cluster has no write credential any more (removed after the approval): set one and propose the fix again");
    let kubeconfig: string;
    try {
      kubeconfig = decryptCredential(credential.cipher, ctx.keyring);
    } catch (e) {
      return await fail("failed", `cannot decrypt the write credential (key "${credential.keyId}"): is BULWARK_SECRET_KEY the same as when it was set? ${(e as Error).message}`);
    }
    if (req.plan.length === 0) return await fail("failed", "the fix request has no patch to apply");
    result = await applyPatches({
      kubeconfig,
      patches: req.plan.map((e) => ({ target: e.target, patch: e.patch })),
      allowPrivateNetworks: ctx.allowPrivateNetworks,
      allowInsecureTls: org.allowInsecureTls,
      deadlineMs: APPLY_DEADLINE_MS,
    });
  } catch (e) {
    // Never leave a request in "applying": one attempt only, and a person reads why.
    return fail("failed", `internal error while applying: ${(e as Error).message}`);
  }
  if (result.status !== "applied") return fail(result.status, result.error ?? "the fix could not be applied", result.outcomes);
  await recordFixOutcome({ orgId, id: req.id, status: "applied", targets: result.outcomes });
  ctx.log("fix applied", { fixRequestId: req.id, targets: result.outcomes.length });

  // The verifying scan, as "scan now" does it; one already queued reads after the patch as well.
  let scanId: string | null = null;
  try {
    const scan = await createScan({ orgId, clusterId: req.clusterId, trigger: "api", ...(req.decidedById ? { actorId: req.decidedById } : {}) });
    scanId = scan.id;
    await enqueueScan({ orgId, clusterId: req.clusterId, scanId: scan.id, trigger: "api" }, { backlog: Math.max(0, (await countQueuedScans({ orgId })) - 1) });
  } catch (e) {
    if (e instanceof ScanInProgressError) {
      // A queued scan has not read yet: it verifies. A running one may have read before the patch;
      // the next scan created after the patch settles the request instead.
      scanId = e.status === "queued" ? e.scanId : null;
    } else {
      ctx.log("fix verifying scan not requested", { fixRequestId: req.id, error: (e as Error).message });
    }
  }
  await setFixVerifyScan({ orgId, id: req.id, scanId });
  return { outcome: "applied", ...(scanId ? { scanId } : {}) };
}

/** After a scan is stored: settle the fix requests this scan verifies (never fails the scan). */
export async function afterScanFixes(log: Log, input: { orgId: string; clusterId: string; scanId: string }): Promise<void> {
  try {
    const settled = await settleFixVerifications(input);
    for (const s of settled) log(`fix ${s.status}`, { fixRequestId: s.id, scanId: input.scanId });
  } catch (e) {
    log("fix verification failed", { scanId: input.scanId, error: (e as Error).message });
  }
}
