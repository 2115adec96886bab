// An RBAC laboratory: one cluster holding each case of the Kubernetes RBAC documentation that an
// access review must answer right, with the expected answers written next to each object. The
// access tests (apps/cli/src/access.kubectl.test.ts) read these objects back through kubectl and
// check `bulwark access who-can` against them; docs/access.md walks through the same cases.
//
// Like the cluster role aggregation in basics.ts, aggregated ClusterRoles carry no rules of their
// own here (a manifest as written): the access model resolves the aggregation itself.
import type { KubeObject } from "../types";
import { basics, namespaceDefaults } from "./basics";
import {
  clusterRole,
  clusterRoleBinding,
  configMap,
  container,
  ctx,
  deployment,
  meta,
  namespace,
  podSpec,
  role,
  roleBinding,
  secret,
  serviceAccount,
  statefulSet,
  uid,
  type Ctx,
} from "./builders";

const RBAC = "rbac.authorization.k8s.io";

/** Names the access tests and docs refer to. */
export const ACCESS_LAB = {
  /** cluster-admin held by a person and a group through one ClusterRoleBinding. */
  adminBinding: "platform-admins",
  adminUser: "dana@lab.example",
  adminGroup: "platform-oncall",
  /** An aggregated ClusterRole (rules come from the labelled roles) bound to prometheus. */
  aggregated: { role: "monitoring", label: "lab.example/aggregate-to-monitoring", parts: ["monitoring-endpoints", "monitoring-metrics"], binding: "prometheus-monitoring", sa: { namespace: "monitoring", name: "prometheus" } },
  /** A Role allowing `get` of one named Secret only. */
  namedSecret: { namespace: "payments", role: "app-secret-reader", binding: "api-reads-app-db", secret: "app-db", sa: { namespace: "payments", name: "api" } },
  /** `*` verbs on `*` resources of `*` groups, confined to one namespace by a RoleBinding. */
  wildcard: { namespace: "sandbox", role: "sandbox-owner", binding: "intern-owns-sandbox", user: "intern@lab.example" },
  /** `*\/scale`: the scale subresource of every resource, and nothing else. */
  scale: { role: "scaler", binding: "autoscaler-scales", sa: { namespace: "kube-system", name: "autoscaler" } },
  /** A RoleBinding to the ClusterRole edit: edit, but only inside team-a. */
  edit: { namespace: "team-a", binding: "team-a-editors", group: "team-a-devs" },
  /** A ServiceAccount subject without a namespace in a RoleBinding: the binding's namespace. */
  noNamespaceSubject: { namespace: "ci", role: "deployer", binding: "builder-deploys", sa: "builder" },
  /** The implicit groups every authenticated request and every service account belongs to. */
  authenticated: { role: "node-reader", binding: "authenticated-read-nodes" },
  serviceAccounts: { namespace: "shared", role: "shared-config-reader", binding: "all-service-accounts-read-config" },
  /** Bindings granting the unauthenticated (stale: anonymous). */
  anonymous: { role: "healthz-reader", binding: "anonymous-healthz" },
  impersonate: { role: "support-impersonator", binding: "support-impersonates", user: "support-bot@lab.example" },
  nodeProxy: { role: "kubelet-api", binding: "node-scraper-kubelet", sa: "node-scraper" },
  kubeSystemEdit: { binding: "legacy-ops-edit", user: "legacy-ops@lab.example" },
  /** Stale: a binding to a deleted service account, one to a missing role, an unbound role, a legacy token Secret. */
  deletedSa: { namespace: "ci", binding: "legacy-bot-deploys", sa: "legacy-bot" },
  missingRole: { namespace: "team-b", binding: "team-b-auditors", role: "auditor" },
  unbound: "unused-auditor",
  legacyToken: { namespace: "ci", name: "builder-token-legacy", sa: "builder" },
} as const;

function subjectWithoutNamespace(c: Ctx, ns: string, name: string, roleName: string, sa: string): KubeObject {
  return {
    apiVersion: `${RBAC}/v1`,
    kind: "RoleBinding",
    metadata: meta(c, "RoleBinding", name, ns),
    roleRef: { apiGroup: RBAC, kind: "Role", name: roleName },
    // No namespace: for a RoleBinding, Kubernetes takes the binding's own.
    subjects: [{ kind: "ServiceAccount", name: sa }],
  };
}

function app(c: Ctx, ns: string, name: string, sa: string, image: string): KubeObject[] {
  return deployment(c, ns, name, {
    replicas: 1,
    spec: podSpec({
      serviceAccountName: sa,
      podSecurity: true,
      containers: [container({ name, image, hardened: true, resources: true, probes: true, port: 8080 })],
    }),
  });
}

export function accessLab(): { objects: KubeObject[]; version: string } {
  const c = ctx(7117, ["lab-cp", "lab-w1", "lab-w2"]);
  const L = ACCESS_LAB;
  const objs: KubeObject[] = basics(c, 29, { controlPlane: { insecure: false } });
  for (const ns of ["team-a", "team-b", "ci", "monitoring", "payments", "sandbox", "shared"]) objs.push(namespace(c, ns, { "pod-security.kubernetes.io/enforce": "baseline" }));

  // cluster-admin to a user and a group.
  objs.push(clusterRoleBinding(c, L.adminBinding, "cluster-admin", [{ kind: "User", name: L.adminUser }, { kind: "Group", name: L.adminGroup }]));

  // Aggregation (RBAC docs, "Aggregated ClusterRoles"): monitoring = union of the labelled roles.
  const aggLabel = { labels: { [L.aggregated.label]: "true" } };
  objs.push(
    clusterRole(c, L.aggregated.role, [], {}, { clusterRoleSelectors: [{ matchLabels: { [L.aggregated.label]: "true" } }] }),
    clusterRole(c, "monitoring-endpoints", [{ apiGroups: [""], resources: ["services", "endpoints", "pods"], verbs: ["get", "list", "watch"] }], aggLabel),
    clusterRole(c, "monitoring-metrics", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }], aggLabel),
    serviceAccount(c, "monitoring", "prometheus"),
    clusterRoleBinding(c, L.aggregated.binding, L.aggregated.role, [{ kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" }]),
    ...statefulSet(c, "monitoring", "prometheus", {
      replicas: 1,
      spec: podSpec({ serviceAccountName: "prometheus", podSecurity: true, containers: [container({ name: "prometheus", image: "quay.io/prometheus/prometheus:v2.51.0", hardened: true, resources: true, port: 9090 })] }),
    }),
    // The RBAC docs' example of extending the default roles: cronjob writes aggregate into edit (and so admin).
    clusterRole(c, "cronjob-editor", [{ apiGroups: ["batch"], resources: ["cronjobs"], verbs: ["create", "delete", "patch", "update"] }], { labels: { [`${RBAC}/aggregate-to-edit`]: "true" } }),
  );

  // resourceNames: `get` of one Secret; no list, no watch, no other Secret.
  objs.push(
    role(c, L.namedSecret.namespace, L.namedSecret.role, [{ apiGroups: [""], resources: ["secrets"], resourceNames: [L.namedSecret.secret], verbs: ["get"] }]),
    serviceAccount(c, "payments", "api"),
    roleBinding(c, "payments", L.namedSecret.binding, "Role", L.namedSecret.role, [{ kind: "ServiceAccount", name: "api", namespace: "payments" }]),
    secret(c, "payments", L.namedSecret.secret, { password: "lab-only" }),
    secret(c, "payments", "card-keys", { key: "lab-only" }),
    ...app(c, "payments", "api", "api", "registry.lab.example/payments/api:1.4.0"),
  );

  // Wildcards confined to a namespace.
  objs.push(
    role(c, L.wildcard.namespace, L.wildcard.role, [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]),
    roleBinding(c, L.wildcard.namespace, L.wildcard.binding, "Role", L.wildcard.role, [{ kind: "User", name: L.wildcard.user }]),
  );

  // */scale: every scale subresource, cluster-wide, and nothing else.
  objs.push(
    clusterRole(c, L.scale.role, [{ apiGroups: ["", "apps"], resources: ["*/scale"], verbs: ["get", "update", "patch"] }]),
    serviceAccount(c, "kube-system", "autoscaler"),
    clusterRoleBinding(c, L.scale.binding, L.scale.role, [{ kind: "ServiceAccount", name: "autoscaler", namespace: "kube-system" }]),
    ...app(c, "kube-system", "autoscaler", "autoscaler", "registry.lab.example/platform/autoscaler:0.9.2"),
  );

  // A RoleBinding to the ClusterRole edit: its rules, only inside team-a.
  objs.push(roleBinding(c, L.edit.namespace, L.edit.binding, "ClusterRole", "edit", [{ kind: "Group", name: L.edit.group }]));

  // A ServiceAccount subject without namespace, a pod running as it and its legacy token Secret.
  objs.push(
    role(c, "ci", L.noNamespaceSubject.role, [
      { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "create", "update", "patch"] },
      { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
    ]),
    serviceAccount(c, "ci", "builder"),
    subjectWithoutNamespace(c, "ci", L.noNamespaceSubject.binding, L.noNamespaceSubject.role, "builder"),
    ...app(c, "ci", "builder", "builder", "registry.lab.example/ci/builder:3.2.1"),
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: meta(c, "Secret", L.legacyToken.name, "ci", { annotations: { "kubernetes.io/service-account.name": "builder", "kubernetes.io/service-account.uid": uid(c.seed, "ServiceAccount", "ci", "builder") } }),
      type: "kubernetes.io/service-account-token",
      data: { token: Buffer.from("lab-legacy-token").toString("base64"), namespace: Buffer.from("ci").toString("base64") },
    },
    // Stale: a binding whose service account was deleted.
    roleBinding(c, "ci", L.deletedSa.binding, "Role", L.noNamespaceSubject.role, [{ kind: "ServiceAccount", name: L.deletedSa.sa, namespace: "ci" }]),
  );

  // The implicit groups.
  objs.push(
    clusterRole(c, L.authenticated.role, [{ apiGroups: [""], resources: ["nodes"], verbs: ["get", "list"] }]),
    clusterRoleBinding(c, L.authenticated.binding, L.authenticated.role, [{ kind: "Group", name: "system:authenticated" }]),
    clusterRole(c, L.serviceAccounts.role, [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]),
    roleBinding(c, L.serviceAccounts.namespace, L.serviceAccounts.binding, "ClusterRole", L.serviceAccounts.role, [{ kind: "Group", name: "system:serviceaccounts" }]),
    configMap(c, "shared", "feature-flags", { "flags.yaml": "checkout-v2: true\n" }),
    clusterRole(c, L.anonymous.role, [{ nonResourceURLs: ["/healthz", "/healthz/*"], verbs: ["get"] }]),
    clusterRoleBinding(c, L.anonymous.binding, L.anonymous.role, [{ kind: "Group", name: "system:unauthenticated" }, { kind: "User", name: "system:anonymous" }]),
  );

  // Admin-level capabilities besides cluster-admin: impersonation, the kubelet API, pods in kube-system.
  objs.push(
    clusterRole(c, L.impersonate.role, [{ apiGroups: [""], resources: ["users", "groups", "serviceaccounts"], verbs: ["impersonate"] }]),
    clusterRoleBinding(c, L.impersonate.binding, L.impersonate.role, [{ kind: "User", name: L.impersonate.user }]),
    clusterRole(c, L.nodeProxy.role, [{ apiGroups: [""], resources: ["nodes/proxy", "nodes/metrics"], verbs: ["get"] }]),
    // Stale as well: no pod runs as node-scraper.
    serviceAccount(c, "monitoring", L.nodeProxy.sa),
    clusterRoleBinding(c, L.nodeProxy.binding, L.nodeProxy.role, [{ kind: "ServiceAccount", name: L.nodeProxy.sa, namespace: "monitoring" }]),
    roleBinding(c, "kube-system", L.kubeSystemEdit.binding, "ClusterRole", "edit", [{ kind: "User", name: L.kubeSystemEdit.user }]),
  );

  // Stale roles: bound to a Role that does not exist, and a role nobody binds.
  objs.push(
    roleBinding(c, L.missingRole.namespace, L.missingRole.binding, "Role", L.missingRole.role, [{ kind: "Group", name: "auditors" }]),
    clusterRole(c, L.unbound, [{ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list"] }]),
  );

  return { objects: namespaceDefaults(c, objs, false), version: "1.29" };
}
