// The access model's contract: who can do what in a cluster, how (binding -> role -> rule) and
// what is stale. Built purely from a snapshot's objects (no I/O); the worker stores it
// (packages/db/src/access), the web app and the CLI query it. Field names are the JSON the CLI
// prints and the database rows mirror, so change them together.

export type AccessSubjectKind = "User" | "Group" | "ServiceAccount";

/** A subject as a binding names it; `namespace` only for service accounts. */
export interface SubjectRef {
  kind: AccessSubjectKind;
  name: string;
  namespace?: string;
}

/** A PolicyRule with every list present (empty when the role left it out). */
export interface GrantRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export type BindingKind = "RoleBinding" | "ClusterRoleBinding";
export type RoleKind = "Role" | "ClusterRole";

/**
 * One grant: a subject of a binding gets one rule of the bound role (aggregation resolved).
 * A binding with three subjects to a role with four rules makes twelve grants.
 */
export interface AccessGrant {
  /** Stable identity: the same subject, binding, role, rule content and scope give the same key. */
  key: string;
  subject: SubjectRef;
  bindingKind: BindingKind;
  bindingName: string;
  /** RoleBindings only. */
  bindingNamespace?: string;
  roleKind: RoleKind;
  roleName: string;
  /** Index of the rule in the role's effective rules (own rules first, then aggregated ones). */
  ruleIndex: number;
  /** The ClusterRole an aggregated rule came from, when it is not the bound role itself. */
  ruleSource?: string;
  rule: GrantRule;
  /** Namespace the grant applies in; undefined = cluster-wide (every namespace and cluster-scoped resources). */
  scope?: string;
  /** The binding is Kubernetes' or the platform's own (system: names, bootstrap label, the cluster-admin binding). */
  builtIn: boolean;
}

/** How a subject holds a permission: the path the UI draws and the CLI prints. */
export interface GrantVia {
  binding: string;
  bindingKind: BindingKind;
  bindingNamespace?: string;
  role: string;
  roleKind: RoleKind;
  ruleIndex: number;
  ruleSource?: string;
  rule: GrantRule;
  scope?: string;
  builtIn: boolean;
  /** Set when the subject holds it through a group it belongs to implicitly (system:serviceaccounts, system:authenticated, ...). */
  viaGroup?: string;
}

export type CapabilityLevel = "admin" | "high" | "medium";

export type CapabilityId =
  // admin: the subject can make itself cluster-admin or act as any identity. escalate, bind and
  // impersonate are admin cluster-wide or in kube-system; in another namespace they reach only that
  // namespace and are high.
  | "cluster-admin" // * on * (cluster-wide)
  | "escalate" // escalate on roles/clusterroles
  | "bind" // bind on roles/clusterroles
  | "impersonate" // impersonate users, groups or service accounts
  | "node-proxy" // nodes/proxy: kubelet API, exec in any pod of the node
  | "create-pods-kube-system" // create pods (or workloads) in kube-system: run as any kube-system service account
  | "create-tokens-kube-system" // serviceaccounts/token in kube-system
  // high
  | "namespace-admin" // * on * inside one namespace
  | "read-secrets" // get/list/watch secrets (no resourceNames)
  | "create-tokens" // serviceaccounts/token outside kube-system
  | "exec" // pods/exec or pods/attach
  | "create-workloads" // create pods or pod controllers (runs as any service account of the namespace)
  | "manage-rbac" // create/update/patch rolebindings or clusterrolebindings
  | "approve-csr" // certificatesigningrequests/approval update + signers approve
  | "manage-webhooks" // mutating/validating webhook configurations
  // medium
  | "port-forward"
  | "delete-events"
  | "manage-networking"; // networkpolicies / services / ingresses writes

export interface Capability {
  id: CapabilityId;
  level: CapabilityLevel;
  /** Short, for tables: "cluster-admin", "read Secrets". */
  title: string;
  /** Why a reviewer cares, one sentence. */
  why: string;
  /** Namespace the capability is limited to; undefined = cluster-wide. */
  scope?: string;
  /** The first grant that gives it (the path). */
  via: GrantVia;
}

export interface WorkloadRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface AccessSubject {
  ref: SubjectRef;
  /** Service accounts: whether the ServiceAccount object is in the snapshot. undefined for users and groups. */
  exists?: boolean;
  /** Every binding naming it is built in (system: subjects, bootstrap bindings). */
  builtIn: boolean;
  /** Pods and their top controllers (Deployment, not ReplicaSet) that run as this service account. */
  workloads: WorkloadRef[];
  /** Risky capabilities, highest level first, one per (id, scope). */
  capabilities: Capability[];
  privilege: CapabilityLevel | "";
}

export type StaleKind =
  | "binding-missing-subject" // a ServiceAccount subject that does not exist
  | "binding-missing-role" // roleRef to a Role/ClusterRole that does not exist
  | "unused-service-account" // no pod runs as it (default service accounts excluded)
  | "role-unbound" // a Role/ClusterRole no binding references (built-in and aggregated-into roles excluded)
  | "anonymous-binding" // binding to system:anonymous or system:unauthenticated
  | "long-lived-token"; // a kubernetes.io/service-account-token Secret

export interface StaleItem {
  kind: StaleKind;
  /** The object to clean up. */
  object: { kind: string; namespace?: string; name: string };
  subject?: SubjectRef;
  /** One sentence a reviewer reads: what is stale and why it matters. */
  detail: string;
}

export interface AccessModel {
  grants: AccessGrant[];
  /** Every subject named by a binding, plus service accounts that run workloads. */
  subjects: AccessSubject[];
  stale: StaleItem[];
  counts: { subjects: number; bindings: number; roles: number; grants: number; privileged: number };
}

/** A "who can" question, as `kubectl auth can-i` asks it. */
export interface AccessQuery {
  verb: string;
  /** "secrets", "pods/exec", "deployments.apps", "deployments.apps/scale" (kubectl's RESOURCE.GROUP/SUBRESOURCE). */
  resource?: string;
  /** Overrides the group parsed from `resource`; "" = core. */
  apiGroup?: string;
  /** Namespace of the request; undefined = a cluster-wide request (all namespaces / cluster-scoped). */
  namespace?: string;
  /** Object name: rules limited by resourceNames match only when it is one of them. */
  name?: string;
  /** A non-resource request ("/metrics", "/logs/*") instead of `resource`. */
  nonResourceURL?: string;
  /** Also list grants limited to named objects when no name was asked (each via keeps its resourceNames). */
  includeNamed?: boolean;
}

export interface WhoCanSubject extends SubjectRef {
  via: GrantVia[];
}
