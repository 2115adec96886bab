// Images and vulnerabilities around a scan or a live record: the organization's imported
// vulnerability documents that can apply are attached to the snapshot before it is judged, and after
// the results are stored the image inventory and the CVE history are saved. Saving never fails the
// scan or the live record (a failure is logged), and is skipped when the snapshot could not see what
// it would otherwise record as gone or resolved.
import { saveImageCves, saveImageInventory, vulnReportsForSnapshot } from "@bulwark/db";
import { imageInventory, type EvaluationResult, type RuleParams, type Snapshot } from "@bulwark/rules";

type Log = (msg: string, data?: Record<string, unknown>) => void;

/** Kinds whose absence from a read would make every image they run look gone. */
const WORKLOAD_KINDS = ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"] as const;
/** Kinds that carry in-cluster vulnerability reports (a CRD not installed is "not-served": fine). */
const REPORT_KINDS = ["VulnerabilityReport", "PolicyReport", "ClusterPolicyReport"] as const;

/** Kinds whose change can change the inventory or the image findings (live records). */
export const IMAGE_KINDS: ReadonlySet<string> = new Set<string>([...WORKLOAD_KINDS, ...REPORT_KINDS]);

/** The snapshot with the organization's imported reports that can apply to it (a database error throws). */
export async function withImportedReports(orgId: string, snapshot: Snapshot): Promise<Snapshot> {
  const reports = await vulnReportsForSnapshot({ orgId, snapshot });
  return reports.length ? { ...snapshot, vulnerabilityReports: reports } : snapshot;
}

/** Why these kinds cannot be trusted as complete (forbidden or failed), or undefined. */
export function unreadKind(snapshot: Pick<Snapshot, "kinds">, kinds: readonly string[]): string | undefined {
  for (const kind of kinds) {
    const k = snapshot.kinds.find((r) => r.kind === kind);
    if (k && (k.status === "forbidden" || k.status === "failed")) return `${kind} ${k.status}${k.error ? `: ${k.error}` : ""}`;
  }
  return undefined;
}

export async function saveSnapshotImages(
  log: Log,
  input: { orgId: string; clusterId: string; scanId: string; snapshot: Snapshot; params?: RuleParams; result: Pick<EvaluationResult, "findings" | "rules">; seenAt?: Date },
): Promise<void> {
  const { orgId, clusterId, scanId, snapshot } = input;
  const seenAt = input.seenAt ?? new Date();
  const unreadWorkloads = unreadKind(snapshot, WORKLOAD_KINDS);
  if (unreadWorkloads) {
    log("images not saved: workloads not readable", { orgId, clusterId, scanId, reason: unreadWorkloads });
    return;
  }
  // The CVE history resolves what it does not see: only from a judgement that saw every report.
  const status = input.result.rules.find((r) => r.id === "image-vulnerabilities")?.status;
  const unreadReports = unreadKind(snapshot, REPORT_KINDS);
  if (status !== "passed" && status !== "failed") {
    log("CVE history not saved: image-vulnerabilities not evaluated", { orgId, clusterId, scanId, status: status ?? "absent" });
  } else if (unreadReports) {
    log("CVE history not saved: vulnerability reports not readable", { orgId, clusterId, scanId, reason: unreadReports });
  } else {
    try {
      const started = Date.now();
      const saved = await saveImageCves({ orgId, clusterId, findings: input.result.findings, seenAt });
      log("CVE history saved", { orgId, clusterId, scanId, ...saved, ms: Date.now() - started });
    } catch (e) {
      log("CVE history failed", { orgId, clusterId, scanId, error: (e as Error).message });
    }
  }
  // The inventory last: its rows carrying this scan's id say both saves are done.
  try {
    const started = Date.now();
    const rows = imageInventory(snapshot, input.params ?? {});
    const saved = await saveImageInventory({ orgId, clusterId, scanId, rows, seenAt });
    log("image inventory saved", { orgId, clusterId, scanId, ...saved, ms: Date.now() - started });
  } catch (e) {
    log("image inventory failed", { orgId, clusterId, scanId, error: (e as Error).message });
  }
}
