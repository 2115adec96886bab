// The user-facing ClusterRoles every Kubernetes API server creates (bootstrap policy): their
// effective rules after aggregation, for bindings whose role is not in the snapshot (a manifest
// set, a scanner not allowed to list ClusterRoles). Kubernetes 1.30's bootstrap policy.
import type { GrantRule } from "./types";

const RW = ["create", "delete", "deletecollection", "patch", "update"];
const READ = ["get", "list", "watch"];

function r(apiGroups: string[], resources: string[], verbs: string[]): GrantRule {
  return { apiGroups, resources, verbs, resourceNames: [], nonResourceURLs: [] };
}

const VIEW: GrantRule[] = [
  r([""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], READ),
  r([""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], READ),
  r([""], ["namespaces"], READ),
  r(["discovery.k8s.io"], ["endpointslices"], READ),
  r(["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], READ),
  r(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], READ),
  r(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], READ),
  r(["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale"], READ),
  r(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], READ),
  r(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], READ),
];

const EDIT_OWN: GrantRule[] = [
  r([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], READ),
  r([""], ["serviceaccounts"], ["impersonate"]),
  r([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], RW),
  r([""], ["pods/eviction"], ["create"]),
  r([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], RW),
  r([""], ["serviceaccounts/token"], ["create"]),
  r(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], RW),
  r(["autoscaling"], ["horizontalpodautoscalers"], RW),
  r(["batch"], ["cronjobs", "jobs"], RW),
  r(["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"], RW),
  r(["policy"], ["poddisruptionbudgets"], RW),
  r(["networking.k8s.io"], ["ingresses", "networkpolicies"], RW),
  r(["coordination.k8s.io"], ["leases"], [...RW, ...READ]),
];

const ADMIN_OWN: GrantRule[] = [
  r(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
  r(["rbac.authorization.k8s.io"], ["rolebindings", "roles"], [...RW, ...READ]),
];

/** Effective rules of cluster-admin, admin, edit and view (aggregation resolved). */
export const BUILTIN_CLUSTER_ROLES: ReadonlyMap<string, readonly GrantRule[]> = new Map([
  ["cluster-admin", [r(["*"], ["*"], ["*"]), { apiGroups: [], resources: [], verbs: ["*"], resourceNames: [], nonResourceURLs: ["*"] }]],
  ["admin", [...ADMIN_OWN, ...EDIT_OWN, ...VIEW]],
  ["edit", [...EDIT_OWN, ...VIEW]],
  ["view", VIEW],
]);
