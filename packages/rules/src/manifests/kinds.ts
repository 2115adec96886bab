// The kinds of Kubernetes' built-in API groups and their scope, for judging manifest input: a kind
// a built-in group does not have is a typo the API server would refuse, a custom group is a custom
// resource, and `-n NS` places namespaced kinds the way `kubectl apply -n NS` does.

/** Built-in API groups ("" = core) -> kind -> namespaced. Removed kinds stay: old manifests use them. */
const BUILTIN: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  "": {
    Pod: true, Service: true, ServiceAccount: true, ConfigMap: true, Secret: true, Endpoints: true, Event: true,
    PersistentVolumeClaim: true, ResourceQuota: true, LimitRange: true, ReplicationController: true, PodTemplate: true,
    Binding: true, Namespace: false, Node: false, PersistentVolume: false, ComponentStatus: false,
  },
  apps: { Deployment: true, StatefulSet: true, DaemonSet: true, ReplicaSet: true, ControllerRevision: true },
  batch: { Job: true, CronJob: true },
  autoscaling: { HorizontalPodAutoscaler: true, Scale: true },
  policy: { PodDisruptionBudget: true, Eviction: true, PodSecurityPolicy: false },
  extensions: { Deployment: true, DaemonSet: true, ReplicaSet: true, Ingress: true, NetworkPolicy: true, PodSecurityPolicy: false },
  "networking.k8s.io": { NetworkPolicy: true, Ingress: true, IngressClass: false, IPAddress: false, ServiceCIDR: false },
  "rbac.authorization.k8s.io": { Role: true, RoleBinding: true, ClusterRole: false, ClusterRoleBinding: false },
  "storage.k8s.io": { CSIStorageCapacity: true, StorageClass: false, VolumeAttachment: false, CSIDriver: false, CSINode: false, VolumeAttributesClass: false },
  "admissionregistration.k8s.io": {
    ValidatingWebhookConfiguration: false, MutatingWebhookConfiguration: false, ValidatingAdmissionPolicy: false,
    ValidatingAdmissionPolicyBinding: false, MutatingAdmissionPolicy: false, MutatingAdmissionPolicyBinding: false,
  },
  "apiextensions.k8s.io": { CustomResourceDefinition: false },
  "apiregistration.k8s.io": { APIService: false },
  "certificates.k8s.io": { CertificateSigningRequest: false, ClusterTrustBundle: false, PodCertificateRequest: true },
  "coordination.k8s.io": { Lease: true, LeaseCandidate: true },
  "discovery.k8s.io": { EndpointSlice: true },
  "events.k8s.io": { Event: true },
  "flowcontrol.apiserver.k8s.io": { FlowSchema: false, PriorityLevelConfiguration: false },
  "node.k8s.io": { RuntimeClass: false },
  "scheduling.k8s.io": { PriorityClass: false },
  "authentication.k8s.io": { TokenReview: false, TokenRequest: true, SelfSubjectReview: false },
  "authorization.k8s.io": { SubjectAccessReview: false, SelfSubjectAccessReview: false, SelfSubjectRulesReview: false, LocalSubjectAccessReview: true },
  "resource.k8s.io": { ResourceClaim: true, ResourceClaimTemplate: true, PodSchedulingContext: true, DeviceClass: false, ResourceSlice: false, ResourceClass: false, DeviceTaintRule: false },
  "storagemigration.k8s.io": { StorageVersionMigration: false },
  "internal.apiserver.k8s.io": { StorageVersion: false },
  "settings.k8s.io": { PodPreset: true },
  "auditregistration.k8s.io": { AuditSink: false },
};

/** Scope of custom resources the rules read (their CRDs are rarely part of a manifest set). */
const KNOWN_CUSTOM: Readonly<Record<string, Readonly<Record<string, boolean>>>> = {
  "cilium.io": { CiliumNetworkPolicy: true, CiliumClusterwideNetworkPolicy: false },
  "gateway.networking.k8s.io": { Gateway: true, HTTPRoute: true, GRPCRoute: true, TLSRoute: true, TCPRoute: true, UDPRoute: true, ReferenceGrant: true, GatewayClass: false },
  "route.openshift.io": { Route: true },
  "security.openshift.io": { SecurityContextConstraints: false },
};

/** The API group of an apiVersion ("apps/v1" -> "apps", "v1" -> ""). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** Whether the apiVersion belongs to one of Kubernetes' own API groups. */
export function isBuiltinApiGroup(apiVersion: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTIN, apiGroupOf(apiVersion));
}

/**
 * Why a built-in group's kind does not exist (a typo, wrong case, wrong group), or undefined when
 * it exists or the group is a custom one (custom resources are accepted unjudged). `known` tells
 * whether Kubernetes has the kind in another group (`apiVersion: v1` on a Deployment): its intent
 * is clear enough to judge.
 */
export function unknownKindProblem(apiVersion: string, kind: string): { message: string; known: boolean } | undefined {
  const group = apiGroupOf(apiVersion);
  const kinds = BUILTIN[group];
  if (!kinds || Object.prototype.hasOwnProperty.call(kinds, kind)) return undefined;
  const label = group === "" ? "the core API group" : `API group ${group}`;
  const sameCase = Object.keys(kinds).find((k) => k.toLowerCase() === kind.toLowerCase());
  const elsewhere = sameCase ? undefined : Object.keys(BUILTIN).find((g) => Object.prototype.hasOwnProperty.call(BUILTIN[g], kind));
  const hint = sameCase ? ` (did you mean ${sameCase}?)` : elsewhere !== undefined ? ` (${kind} is in ${elsewhere === "" ? "the core group, apiVersion v1" : `API group ${elsewhere}`})` : "";
  return { message: `${label} has no kind ${kind}${hint}: the API server would refuse it`, known: elsewhere !== undefined };
}

/**
 * Whether objects of the kind live in a namespace: true or false for built-in kinds and known
 * custom resources, undefined when the scope is not known (a custom resource without its CRD).
 */
export function isNamespacedKind(apiVersion: string, kind: string, crdScopes?: ReadonlyMap<string, boolean>): boolean | undefined {
  const group = apiGroupOf(apiVersion);
  const known = BUILTIN[group]?.[kind] ?? KNOWN_CUSTOM[group]?.[kind];
  if (known !== undefined) return known;
  return crdScopes?.get(`${group}/${kind}`);
}
