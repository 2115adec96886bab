// Kubernetes API versions that were deprecated and removed upstream, and version arithmetic.
// Source: the Kubernetes deprecated API migration guide.
import type { KubeObject, RuleContext } from "../types";

export interface Deprecation {
  apiVersion: string;
  kinds: readonly string[];
  /** minor version ("1.16") the version was deprecated in */
  deprecatedIn: string;
  /** minor version it is no longer served from */
  removedIn: string;
  replacement: string;
}

const D = (apiVersion: string, kinds: string[], deprecatedIn: string, removedIn: string, replacement: string): Deprecation => ({ apiVersion, kinds, deprecatedIn, removedIn, replacement });

export const DEPRECATIONS: readonly Deprecation[] = [
  D("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.9", "1.16", "apps/v1"),
  D("extensions/v1beta1", ["NetworkPolicy"], "1.9", "1.16", "networking.k8s.io/v1"),
  D("extensions/v1beta1", ["PodSecurityPolicy"], "1.11", "1.16", "policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)"),
  D("extensions/v1beta1", ["Ingress"], "1.14", "1.22", "networking.k8s.io/v1"),
  D("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"], "1.9", "1.16", "apps/v1"),
  D("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.9", "1.16", "apps/v1"),
  D("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.19", "1.22", "networking.k8s.io/v1"),
  D("rbac.authorization.k8s.io/v1beta1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
  D("rbac.authorization.k8s.io/v1alpha1", ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1beta1", ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "1.16", "1.22", "admissionregistration.k8s.io/v1"),
  D("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.16", "1.22", "apiextensions.k8s.io/v1"),
  D("apiregistration.k8s.io/v1beta1", ["APIService"], "1.19", "1.22", "apiregistration.k8s.io/v1"),
  D("authentication.k8s.io/v1beta1", ["TokenReview"], "1.19", "1.22", "authentication.k8s.io/v1"),
  D("authorization.k8s.io/v1beta1", ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"], "1.19", "1.22", "authorization.k8s.io/v1"),
  D("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.19", "1.22", "certificates.k8s.io/v1"),
  D("coordination.k8s.io/v1beta1", ["Lease"], "1.14", "1.22", "coordination.k8s.io/v1"),
  D("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.14", "1.22", "scheduling.k8s.io/v1"),
  D("scheduling.k8s.io/v1alpha1", ["PriorityClass"], "1.14", "1.17", "scheduling.k8s.io/v1"),
  D("storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1"),
  D("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.24", "1.27", "storage.k8s.io/v1"),
  D("batch/v1beta1", ["CronJob"], "1.21", "1.25", "batch/v1"),
  D("batch/v2alpha1", ["CronJob"], "1.8", "1.21", "batch/v1"),
  D("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.21", "1.25", "discovery.k8s.io/v1"),
  D("events.k8s.io/v1beta1", ["Event"], "1.19", "1.25", "events.k8s.io/v1"),
  D("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.22", "1.25", "autoscaling/v2"),
  D("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.23", "1.26", "autoscaling/v2"),
  D("policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", "policy/v1"),
  D("policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25", "Pod Security Admission namespace labels (or a policy engine)"),
  D("node.k8s.io/v1beta1", ["RuntimeClass"], "1.20", "1.25", "node.k8s.io/v1"),
  D("node.k8s.io/v1alpha1", ["RuntimeClass"], "1.14", "1.22", "node.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1"),
  D("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1alpha1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.28", "1.30", "admissionregistration.k8s.io/v1"),
  D("admissionregistration.k8s.io/v1beta1", ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], "1.30", "1.32", "admissionregistration.k8s.io/v1"),
];

const byKey = new Map<string, Deprecation>();
for (const d of DEPRECATIONS) for (const k of d.kinds) byKey.set(`${d.apiVersion}|${k}`, d);

export const DEPRECATED_KINDS: readonly string[] = [...new Set(DEPRECATIONS.flatMap((d) => d.kinds))];

/** [major, minor] of "1.29", "v1.29.3", "1.29+"; undefined when unparseable. */
export function parseMinor(v: string | undefined): [number, number] | undefined {
  if (!v) return undefined;
  const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function compareVersions(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1];
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
const APPLIED_VERSION = /"apiVersion"\s*:\s*"([^"]+)"/;

/**
 * The API version an object was written with: its own apiVersion (manifests), or, for objects read
 * back from a cluster at the preferred version, the one recorded by kubectl apply.
 */
export function deprecationOf(obj: KubeObject): { dep: Deprecation; via: "apiVersion" | "last-applied" } | undefined {
  const own = byKey.get(`${obj.apiVersion}|${obj.kind}`);
  if (own) return { dep: own, via: "apiVersion" };
  const ann = obj.metadata?.annotations?.[LAST_APPLIED];
  if (typeof ann !== "string" || ann.length === 0) return undefined;
  const m = APPLIED_VERSION.exec(ann.slice(0, 300));
  if (!m || m[1] === obj.apiVersion) return undefined;
  const d = byKey.get(`${m[1]}|${obj.kind}`);
  return d ? { dep: d, via: "last-applied" } : undefined;
}

export function clusterMinor(ctx: RuleContext): [number, number] | undefined {
  return parseMinor(ctx.snapshot.kubeVersion) ?? parseMinor(ctx.snapshot.gitVersion);
}
