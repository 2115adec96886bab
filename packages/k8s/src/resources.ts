// The kinds the rules need, in the order their objects appear in a snapshot.

export interface ResourceSpec {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Older versions to read when `version` is not served (e.g. batch/v1beta1 CronJob before 1.21). */
  fallbackVersions?: readonly string[];
}

const r = (group: string, version: string, resource: string, kind: string, namespaced: boolean, fallbackVersions?: string[]): ResourceSpec =>
  fallbackVersions ? { group, version, resource, kind, namespaced, fallbackVersions } : { group, version, resource, kind, namespaced };

export const RESOURCES_TO_READ: readonly ResourceSpec[] = Object.freeze([
  r("", "v1", "namespaces", "Namespace", false),
  r("", "v1", "nodes", "Node", false),
  r("", "v1", "pods", "Pod", true),
  r("", "v1", "services", "Service", true),
  r("", "v1", "serviceaccounts", "ServiceAccount", true),
  r("", "v1", "configmaps", "ConfigMap", true),
  r("", "v1", "secrets", "Secret", true),
  r("", "v1", "persistentvolumes", "PersistentVolume", false),
  r("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true),
  r("", "v1", "limitranges", "LimitRange", true),
  r("", "v1", "resourcequotas", "ResourceQuota", true),
  r("", "v1", "replicationcontrollers", "ReplicationController", true),
  r("apps", "v1", "deployments", "Deployment", true),
  r("apps", "v1", "daemonsets", "DaemonSet", true),
  r("apps", "v1", "statefulsets", "StatefulSet", true),
  r("apps", "v1", "replicasets", "ReplicaSet", true),
  r("batch", "v1", "jobs", "Job", true),
  r("batch", "v1", "cronjobs", "CronJob", true, ["v1beta1"]),
  r("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
  r("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
  r("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
  r("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
  r("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true),
  r("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["v1beta1"]),
  r("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, ["v1beta1"]),
  r("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["v1beta1"]),
  r("policy", "v1beta1", "podsecuritypolicies", "PodSecurityPolicy", false),
  r("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false),
  r("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false),
  r("storage.k8s.io", "v1", "storageclasses", "StorageClass", false),
  r("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false),
  r("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["v2beta2", "v1"]),
  r("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false),
  // Optional when served: groups a cluster may not have (API too old, an add-on or a distribution
  // not installed). The reader then records "not-served", which the engine treats as read and
  // empty: no such object can exist there.
  r("admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, ["v1beta1"]),
  r("admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false, ["v1beta1"]),
  r("security.openshift.io", "v1", "securitycontextconstraints", "SecurityContextConstraints", false),
  r("gateway.networking.k8s.io", "v1", "httproutes", "HTTPRoute", true, ["v1beta1"]),
  r("cilium.io", "v2", "ciliumnetworkpolicies", "CiliumNetworkPolicy", true),
  r("cilium.io", "v2", "ciliumclusterwidenetworkpolicies", "CiliumClusterwideNetworkPolicy", false),
  // What in-cluster scanners already stored: Trivy Operator's reports and the wg-policy
  // PolicyReports Kyverno, Kubescape and others write (vulnerability data without an agent of ours).
  r("aquasecurity.github.io", "v1alpha1", "vulnerabilityreports", "VulnerabilityReport", true),
  r("aquasecurity.github.io", "v1alpha1", "exposedsecretreports", "ExposedSecretReport", true),
  r("aquasecurity.github.io", "v1alpha1", "configauditreports", "ConfigAuditReport", true),
  r("aquasecurity.github.io", "v1alpha1", "rbacassessmentreports", "RbacAssessmentReport", true),
  r("aquasecurity.github.io", "v1alpha1", "clusterrbacassessmentreports", "ClusterRbacAssessmentReport", false),
  r("wgpolicyk8s.io", "v1alpha2", "policyreports", "PolicyReport", true, ["v1beta1"]),
  r("wgpolicyk8s.io", "v1alpha2", "clusterpolicyreports", "ClusterPolicyReport", false, ["v1beta1"]),
]);

/**
 * Kinds of RESOURCES_TO_READ that many clusters do not serve: their absence is normal, never a
 * read failure (e.g. a UI may show them as "not installed" rather than "not read").
 */
export const OPTIONAL_KINDS: ReadonlySet<string> = new Set([
  "PodSecurityPolicy",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "SecurityContextConstraints",
  "HTTPRoute",
  "CiliumNetworkPolicy",
  "CiliumClusterwideNetworkPolicy",
  "VulnerabilityReport",
  "ExposedSecretReport",
  "ConfigAuditReport",
  "RbacAssessmentReport",
  "ClusterRbacAssessmentReport",
  "PolicyReport",
  "ClusterPolicyReport",
]);

export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** URL path prefix of a group/version: /api/v1 or /apis/<group>/<version>. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}
