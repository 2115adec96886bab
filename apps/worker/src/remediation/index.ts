// Fixes applied with approval (helper H3 implements; signatures are the contract).
import type { WorkerContext } from "../context";

type Log = WorkerContext["log"];

/** Applies one approved FixRequest: owner/GitOps checks, server-side dry run, patch (fieldManager bulwark), verifying rescan. */
export async function processFixApply(job: { data: unknown }, ctx: WorkerContext): Promise<{ outcome: string; reason?: string }> {
  void job;
  void ctx;
  return { outcome: "skipped", reason: "not implemented yet" };
}

/** After a scan is stored: settle the fix requests this scan verifies (never fails the scan). */
export async function afterScanFixes(log: Log, input: { orgId: string; clusterId: string; scanId: string }): Promise<void> {
  void log;
  void input;
}
