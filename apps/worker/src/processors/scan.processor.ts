// One scan: claim the Scan row, read the cluster into a snapshot, judge it, store the results.
// Idempotent: a duplicated or retried job finds the scan finished (or owned by a live worker) and
// does nothing; a scheduler double-fire finds a scan already queued/running and does nothing.
import {
  claimScan,
  createScheduledScan,
  failScan,
  getClusterCredential,
  getCluster,
  getOrganization,
  heartbeat,
  OrgScanCapacityError,
  recordScanResults,
  releaseScan,
  setConnectionStatus,
  updateScanProgress,
} from "@bulwark/db";
import { KubeconfigError, decryptCredential } from "@bulwark/security";
import { ClusterUnreachableError, ScanLimitError, readCluster } from "@bulwark/k8s";
import { ZScanJob, deferDelayMs, deferJob, enqueueAlertsForScan, type DeferrableJob } from "@bulwark/jobs";
import { RULES_VERSION, evaluate, type Snapshot } from "@bulwark/rules";
import type { WorkerContext } from "../context";
import { scanSettings } from "../policy";
import { saveSnapshotAccess } from "../access-model";
import { saveSnapshotImages, withImportedReports } from "../images";
import { afterScanFixes } from "../remediation";
import { afterScanTickets } from "../tickets";

export interface ScanJobLike extends Partial<DeferrableJob> {
  id?: string;
  data: unknown;
  updateData?(data: unknown): Promise<void>;
}

export type ScanJobResult =
  | { outcome: "skipped"; reason: string; scanId?: string }
  | { outcome: "failed"; scanId: string; reason: string }
  | { outcome: "succeeded" | "partial"; scanId: string; findings: number; objects: number; stats: unknown };

const PROGRESS_EVERY_MS = 500;

export async function processScan(job: ScanJobLike, ctx: WorkerContext, token?: string): Promise<ScanJobResult> {
  const payload = ZScanJob.parse(job.data);
  const { orgId, clusterId } = payload;
  let scanId = payload.scanId;
  if (!scanId) {
    const created = await createScheduledScan({ orgId, clusterId, trigger: payload.trigger });
    if (!created) return { outcome: "skipped", reason: "cluster is gone or already has a queued or running scan" };
    scanId = created.id;
    // A retry of this job then continues with the same scan instead of looking for a new one.
    await job.updateData?.({ ...payload, scanId });
  }

  // Over its organization's running limit, the job goes back for later (without spending an
  // attempt) and this slot takes the next job, which fair ordering makes another tenant's.
  const limited = ctx.orgScanConcurrency !== undefined && job.moveToDelayed !== undefined;
  let claimed;
  try {
    claimed = await claimScan({ orgId, scanId, workerId: ctx.workerId, staleMs: ctx.staleMs, ...(limited ? { maxRunningPerOrg: ctx.orgScanConcurrency } : {}) });
  } catch (e) {
    if (!(e instanceof OrgScanCapacityError) || !job.moveToDelayed) throw e;
    const delayMs = deferDelayMs({ baseMs: ctx.orgDeferMs ?? 1000, queued: e.queued, cap: ctx.orgScanConcurrency ?? 1 });
    throw await deferJob(job as DeferrableJob, token, delayMs);
  }
  if (!claimed) return { outcome: "skipped", reason: "scan already finished or running on a live worker", scanId };
  const started = Date.now();
  const id = scanId;

  // Heartbeats keep recovery away from a long but healthy scan; losing the claim aborts the read.
  const abort = new AbortController();
  const beat = setInterval(
    () => {
      heartbeat({ orgId, scanId: id, workerId: ctx.workerId })
        .then((owned) => {
          if (!owned) abort.abort(new Error("this worker lost its claim on the scan"));
        })
        .catch(() => {});
    },
    Math.max(500, Math.min(10_000, Math.floor(ctx.staleMs / 3))),
  );

  try {
    const [credential, cluster, org] = await Promise.all([
      getClusterCredential({ orgId, clusterId }),
      getCluster({ orgId, clusterId }),
      getOrganization({ orgId }),
    ]);
    if (!credential || !cluster || !org) {
      await failScan({ orgId, scanId: id, reason: "the cluster was deleted" });
      return { outcome: "failed", scanId: id, reason: "cluster deleted" };
    }
    let kubeconfig: string;
    try {
      kubeconfig = decryptCredential(credential.credentialCipher, ctx.keyring);
    } catch (e) {
      const reason = `cannot decrypt the stored kubeconfig (key "${credential.credentialKeyId}"): is BULWARK_SECRET_KEY the same as when the cluster was added? ${(e as Error).message}`;
      await failScan({ orgId, scanId: id, reason, workerId: ctx.workerId });
      return { outcome: "failed", scanId: id, reason };
    }

    await updateScanProgress({ orgId, scanId: id, workerId: ctx.workerId, progress: 3, phase: "reading" });
    let lastProgress = 0;
    let snapshot: Snapshot;
    try {
      snapshot = await readCluster(kubeconfig, {
        allowPrivateNetworks: ctx.allowPrivateNetworks,
        allowInsecureTls: org.allowInsecureTls,
        deadlineMs: ctx.scanDeadlineMs,
        ...(ctx.scanMaxBytes !== undefined ? { maxBytes: ctx.scanMaxBytes } : {}),
        signal: abort.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_EVERY_MS && p.done < p.total) return;
          lastProgress = now;
          const pct = 5 + Math.round((p.total ? p.done / p.total : 0) * 75);
          updateScanProgress({ orgId, scanId: id, workerId: ctx.workerId, progress: pct, phase: "reading" }).catch(() => {});
        },
      });
    } catch (e) {
      if (abort.signal.aborted) return { outcome: "skipped", reason: "claim lost while reading", scanId: id };
      // A server that sends more than the budget fails this scan only; the connection itself works.
      if (e instanceof ScanLimitError) {
        await failScan({ orgId, scanId: id, reason: e.message, workerId: ctx.workerId, durationMs: Date.now() - started });
        ctx.log("scan failed: byte budget", { scanId: id, reason: e.message });
        return { outcome: "failed", scanId: id, reason: e.message };
      }
      if (e instanceof ClusterUnreachableError || e instanceof KubeconfigError) {
        const reason = e.message;
        await failScan({ orgId, scanId: id, reason, workerId: ctx.workerId, durationMs: Date.now() - started });
        await setConnectionStatus({ orgId, clusterId, status: "error", error: reason }).catch(() => {});
        ctx.log("scan failed: cluster unreachable", { scanId: id, reason });
        return { outcome: "failed", scanId: id, reason };
      }
      throw e;
    }

    // A credential that can read nothing yields an empty snapshot that would score perfectly.
    if (snapshot.kinds.length > 0 && !snapshot.kinds.some((k) => k.status === "read")) {
      const reason = unreadableReason(snapshot.kinds);
      await failScan({ orgId, scanId: id, reason, workerId: ctx.workerId, kinds: snapshot.kinds, durationMs: Date.now() - started });
      await setConnectionStatus({ orgId, clusterId, status: "error", error: reason }).catch(() => {});
      return { outcome: "failed", scanId: id, reason };
    }

    await updateScanProgress({ orgId, scanId: id, workerId: ctx.workerId, progress: 85, phase: "judging" });
    const { settings, notEvaluated } = await scanSettings({ orgId, clusterId, clusterName: cluster.name });
    // Imported vulnerability documents (CI's Trivy, Grype, CycloneDX) for the images that run here.
    snapshot = await withImportedReports(orgId, snapshot);
    const evaluated = evaluate(snapshot, settings);
    const result = notEvaluated.length ? { ...evaluated, rules: [...evaluated.rules, ...notEvaluated] } : evaluated;

    await updateScanProgress({ orgId, scanId: id, workerId: ctx.workerId, progress: 92, phase: "storing" });
    const stored = await recordScanResults({
      orgId,
      scanId: id,
      workerId: ctx.workerId,
      result,
      kinds: snapshot.kinds,
      objects: snapshot.objects,
      kubeVersion: snapshot.kubeVersion,
      gitVersion: snapshot.gitVersion,
      provider: snapshot.platform,
      rulesVersion: RULES_VERSION,
      durationMs: Date.now() - started,
    });
    if (!stored) return { outcome: "skipped", reason: "claim lost before storing", scanId: id };
    ctx.log("scan stored", { scanId: id, status: stored.status, findings: result.findings.length, ...stored.stats });
    // Alerts for the new and reopened findings run as their own job (one per scan id); a queue
    // hiccup here must not fail a stored scan.
    await enqueueAlertsForScan({ orgId, scanId: id }).catch((e: Error) => ctx.log("alerts enqueue failed", { scanId: id, error: e.message }));
    // Who can do what, stored with this scan's id on the changes it sees (never fails the scan).
    await saveSnapshotAccess(ctx.log, { orgId, clusterId, scanId: id, snapshot });
    // Which images run where, and the CVE history for trends (never fails the scan).
    await saveSnapshotImages(ctx.log, { orgId, clusterId, scanId: id, snapshot, ...(settings.params ? { params: settings.params } : {}), result });
    // Fix requests this scan verifies, and tickets whose findings it resolved (neither fails the scan).
    await afterScanFixes(ctx.log, { orgId, clusterId, scanId: id });
    await afterScanTickets(ctx.log, { orgId, clusterId, scanId: id });
    return { outcome: stored.status, scanId: id, findings: result.findings.length, objects: snapshot.objects.length, stats: stored.stats };
  } catch (e) {
    // Unexpected (database, bug): hand the scan back so the job's retry can claim it at once.
    const reason = `internal error: ${(e as Error).message}`;
    await releaseScan({ orgId, scanId: id, workerId: ctx.workerId, reason }).catch(() => {});
    throw e;
  } finally {
    clearInterval(beat);
  }
}

/**
 * Why a snapshot with no readable kind is refused. Only a credential refused everywhere is told to
 * get more permissions; an API server that fails (bad bodies, deadlines, redirects) is named as such.
 */
export function unreadableReason(kinds: Snapshot["kinds"]): string {
  const failed = kinds.find((k) => k.status === "failed");
  if (failed) return `the API server answered no resource kind usably (${failed.kind}: ${failed.error ?? "failed"})`;
  const first = kinds.find((k) => k.error)?.error ?? kinds[0]?.status;
  return `the credential could not read any resource kind (${first}); grant it get/list on the cluster's resources`;
}
