// The access model of a scanned or watched cluster: built from the snapshot's objects and stored
// by difference (saveAccessModel), after the scan's findings are stored. A failure here is logged
// and never fails the scan or the live record.
import { saveAccessModel } from "@bulwark/db";
import { buildAccessModel, type Snapshot } from "@bulwark/rules";

const RBAC_KINDS = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"] as const;

/** Kinds whose change can change the access model (grants, subjects, workloads, stale items). */
export const ACCESS_KINDS: ReadonlySet<string> = new Set([
  ...RBAC_KINDS,
  "ServiceAccount",
  "Secret",
  "Namespace",
  "Pod",
  "Deployment",
  "ReplicaSet",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicationController",
]);

/**
 * Why this snapshot's RBAC cannot be trusted (a kind forbidden or failed), or undefined. A model
 * built without the bindings would record every grant as removed.
 */
export function rbacUnread(snapshot: Pick<Snapshot, "kinds">): string | undefined {
  for (const kind of RBAC_KINDS) {
    const k = snapshot.kinds.find((r) => r.kind === kind);
    if (k && k.status !== "read") return `${kind} ${k.status}${k.error ? `: ${k.error}` : ""}`;
  }
  return undefined;
}

export async function saveSnapshotAccess(
  log: (msg: string, data?: Record<string, unknown>) => void,
  input: { orgId: string; clusterId: string; scanId: string | null; snapshot: Pick<Snapshot, "kinds" | "objects"> },
): Promise<void> {
  const { orgId, clusterId, scanId, snapshot } = input;
  try {
    const unread = rbacUnread(snapshot);
    if (unread) {
      log("access model not saved: RBAC not readable", { orgId, clusterId, scanId, reason: unread });
      return;
    }
    const started = Date.now();
    const model = buildAccessModel(snapshot.objects);
    const built = Date.now();
    const saved = await saveAccessModel({ orgId, clusterId, scanId, model });
    log("access model saved", { orgId, clusterId, scanId, grants: model.grants.length, ...saved, buildMs: built - started, saveMs: Date.now() - built });
  } catch (e) {
    log("access model failed", { orgId, clusterId, scanId, error: (e as Error).message });
  }
}
