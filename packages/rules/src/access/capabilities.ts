// Risky capabilities: what a reviewer looks for in a subject's grants (the escalation paths of
// https://kubernetes.io/docs/concepts/security/rbac-good-practices/), with a sentence saying why.
import { allows, toRequest, type Request } from "./match";
import type { Capability, CapabilityId, CapabilityLevel, GrantVia } from "./types";

const RBAC = "rbac.authorization.k8s.io";

type Res = readonly [group: string, resource: string];

const WORKLOADS: readonly Res[] = [
  ["", "pods"],
  ["", "replicationcontrollers"],
  ["apps", "deployments"],
  ["apps", "daemonsets"],
  ["apps", "statefulsets"],
  ["apps", "replicasets"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
  ["extensions", "deployments"],
  ["extensions", "daemonsets"],
  ["extensions", "replicasets"],
];
const CONTROLLERS = WORKLOADS.filter(([, r]) => r !== "pods");

/** Capability ids in the order a reviewer reads them within a level. */
const ORDER: readonly CapabilityId[] = [
  "cluster-admin", "escalate", "bind", "impersonate", "node-proxy", "create-pods-kube-system", "create-tokens-kube-system",
  "namespace-admin", "read-secrets", "create-tokens", "exec", "create-workloads", "manage-rbac", "approve-csr", "manage-webhooks",
  "port-forward", "delete-events", "manage-networking",
];
const ORDER_INDEX = new Map(ORDER.map((id, i) => [id, i]));
const LEVEL_RANK: Record<CapabilityLevel, number> = { admin: 0, high: 1, medium: 2 };

const TITLES: Record<CapabilityId, string> = {
  "cluster-admin": "cluster-admin",
  escalate: "escalate roles",
  bind: "bind any role",
  impersonate: "impersonate",
  "node-proxy": "node proxy (kubelet API)",
  "create-pods-kube-system": "create pods in kube-system",
  "create-tokens-kube-system": "create tokens in kube-system",
  "namespace-admin": "namespace admin",
  "read-secrets": "read Secrets",
  "create-tokens": "create service account tokens",
  exec: "exec into pods",
  "create-workloads": "create workloads",
  "manage-rbac": "manage role bindings",
  "approve-csr": "approve certificates",
  "manage-webhooks": "manage admission webhooks",
  "port-forward": "port-forward",
  "delete-events": "delete events",
  "manage-networking": "manage networking",
};

function where(scope: string | undefined): string {
  return scope === undefined ? "in every namespace" : `in ${scope}`;
}

function why(id: CapabilityId, scope: string | undefined): string {
  const w = where(scope);
  switch (id) {
    case "cluster-admin":
      return "can do anything to every resource in every namespace and to the cluster itself, including granting access to others";
    case "namespace-admin":
      return `can do anything in ${scope}, including reading its Secrets, running pods as any of its service accounts and granting access to others there`;
    case "escalate":
      return `can create or change roles ${w} to hold permissions it does not have, so it can give itself any permission there`;
    case "bind":
      return `can bind roles it does not hold ${w}, cluster-admin included, to itself or anyone else`;
    case "impersonate":
      return scope === undefined
        ? "can act as any user, group or service account, with all of their permissions"
        : `can act as any service account in ${scope}, with all of its permissions`;
    case "node-proxy":
      return "can call every node's kubelet API, which runs commands in any pod on the node and bypasses audit and admission";
    case "create-pods-kube-system":
      return scope === undefined
        ? "can run pods in every namespace, kube-system included, as any service account there, some of which control the cluster"
        : "can run pods in kube-system as any of its service accounts, some of which control the cluster";
    case "create-tokens-kube-system":
      return scope === undefined
        ? "can mint API tokens for any service account, kube-system's controllers included, and act with their permissions"
        : "can mint API tokens for kube-system's service accounts, some of which control the cluster, and act with their permissions";
    case "read-secrets":
      return `can read every Secret ${w}, including service account tokens and credentials`;
    case "create-tokens":
      return `can mint API tokens for the service accounts ${w} and act with their permissions`;
    case "exec":
      return `can open a shell in or attach to running containers ${w}, acting with each pod's service account and reading its mounted Secrets`;
    case "create-workloads":
      return `can run pods ${w} as any service account there and mount any Secret there`;
    case "manage-rbac":
      return `can create or change role bindings ${w}, granting access to itself or others`;
    case "approve-csr":
      return "can approve certificate signing requests, issuing client certificates for users and groups of its choosing";
    case "manage-webhooks":
      return "can install admission webhooks that see or change every object written to the cluster, Secrets included";
    case "port-forward":
      return `can forward ports to pods ${w}, reaching services that network policies would otherwise keep it from`;
    case "delete-events":
      return `can delete events ${w}, removing traces of what happened`;
    case "manage-networking":
      return `can change network policies, services or ingresses ${w}, opening or redirecting traffic`;
  }
}

interface Raw {
  id: CapabilityId;
  level: CapabilityLevel;
}

interface ViaCaps {
  caps: Raw[];
  /** The via approves CSR (approval subresource); counts only with a signer approval too. */
  csrApproval: boolean;
  signerApprove: boolean;
}

// Requests are built once per (verb, resource, namespace, named) and reused across vias.
const requests = new Map<string, Request>();

function req(verb: string, group: string, resource: string, namespace: string | undefined, named: boolean): Request {
  const k = `${verb}|${group}|${resource}|${namespace ?? ""}|${named ? 1 : 0}`;
  let r = requests.get(k);
  if (!r) {
    // A create of a new object carries no name: a resourceNames rule never allows it.
    const includeNamed = named && !(verb === "create" && !resource.includes("/"));
    if (requests.size > 4096) requests.clear();
    const slash = resource.indexOf("/");
    const sub = slash >= 0 ? resource.slice(slash + 1) : undefined;
    const base = slash >= 0 ? resource.slice(0, slash) : resource;
    requests.set(k, (r = toRequest({ verb, resource: sub ? `${base}.${group}/${sub}` : `${base}.${group}`, apiGroup: group, namespace, includeNamed })));
  }
  return r;
}

function can(via: GrantVia, verbs: readonly string[], res: readonly Res[], namespace: string | undefined, named: boolean): boolean {
  for (const [g, r] of res) for (const v of verbs) if (allows(via, req(v, g, r, namespace, named))) return true;
  return false;
}

function isFullWildcard(via: GrantVia): boolean {
  const r = via.rule;
  return r.verbs.includes("*") && r.apiGroups.includes("*") && r.resources.includes("*") && r.resourceNames.length === 0;
}

function viaCaps(via: GrantVia): ViaCaps {
  const scope = via.scope;
  const ns = scope; // a RoleBinding answers in its namespace, a ClusterRoleBinding everywhere
  const clusterWide = scope === undefined;
  const kube = clusterWide || scope === "kube-system";
  const caps: Raw[] = [];
  const add = (id: CapabilityId, level: CapabilityLevel) => caps.push({ id, level });
  if (isFullWildcard(via)) {
    if (clusterWide) add("cluster-admin", "admin");
    else {
      add("namespace-admin", "high");
      if (kube) {
        add("create-pods-kube-system", "admin");
        add("create-tokens-kube-system", "admin");
      }
    }
    return { caps, csrApproval: clusterWide, signerApprove: clusterWide };
  }
  // Limited to a namespace other than kube-system, these reach that namespace only.
  const escLevel: CapabilityLevel = kube ? "admin" : "high";
  const roles: Res[] = [[RBAC, "roles"], [RBAC, "clusterroles"]];
  if (can(via, ["escalate"], roles, ns, true)) add("escalate", escLevel);
  if (can(via, ["bind"], roles, ns, true)) add("bind", escLevel);
  const imp: Res[] = clusterWide ? [["", "users"], ["", "groups"], ["", "serviceaccounts"]] : [["", "serviceaccounts"]];
  if (can(via, ["impersonate"], imp, ns, true)) add("impersonate", escLevel);
  if (clusterWide && can(via, ["get", "create"], [["", "nodes/proxy"]], ns, true)) add("node-proxy", "admin");
  const runsPods = can(via, ["create"], WORKLOADS, ns, false) || can(via, ["update", "patch"], CONTROLLERS, ns, true);
  if (runsPods) add(kube ? "create-pods-kube-system" : "create-workloads", kube ? "admin" : "high");
  if (can(via, ["create"], [["", "serviceaccounts/token"]], ns, true)) add(kube ? "create-tokens-kube-system" : "create-tokens", kube ? "admin" : "high");
  if (can(via, ["get", "list", "watch"], [["", "secrets"]], ns, false)) add("read-secrets", "high");
  if (can(via, ["create", "get"], [["", "pods/exec"], ["", "pods/attach"]], ns, true)) add("exec", "high");
  if (can(via, ["create", "update", "patch"], [[RBAC, "rolebindings"], [RBAC, "clusterrolebindings"]], ns, true)) add("manage-rbac", "high");
  const csrApproval = clusterWide && can(via, ["update", "patch"], [["certificates.k8s.io", "certificatesigningrequests/approval"]], ns, true);
  const signerApprove = clusterWide && can(via, ["approve"], [["certificates.k8s.io", "signers"]], ns, true);
  const hooks: Res[] = [["admissionregistration.k8s.io", "mutatingwebhookconfigurations"], ["admissionregistration.k8s.io", "validatingwebhookconfigurations"]];
  if (clusterWide && can(via, ["create", "update", "patch"], hooks, ns, true)) add("manage-webhooks", "high");
  if (can(via, ["create", "get"], [["", "pods/portforward"]], ns, true)) add("port-forward", "medium");
  if (can(via, ["delete", "deletecollection"], [["", "events"], ["events.k8s.io", "events"]], ns, true)) add("delete-events", "medium");
  const net: Res[] = [["networking.k8s.io", "networkpolicies"], ["extensions", "networkpolicies"], ["", "services"], ["networking.k8s.io", "ingresses"], ["extensions", "ingresses"]];
  if (can(via, ["create", "update", "patch", "delete"], net, ns, true)) add("manage-networking", "medium");
  return { caps, csrApproval, signerApprove };
}

// Every subject of a binding shares the binding's GrantRule objects: classify each (rule, scope,
// binding kind) once.
const viaCache = new WeakMap<object, Map<string, ViaCaps>>();

function cachedViaCaps(via: GrantVia): ViaCaps {
  let m = viaCache.get(via.rule);
  if (!m) viaCache.set(via.rule, (m = new Map()));
  const k = `${via.bindingKind}|${via.scope ?? ""}`;
  let hit = m.get(k);
  if (!hit) m.set(k, (hit = viaCaps(via)));
  return hit;
}

/**
 * Risky capabilities of a subject's grants, highest level first, one per (id, scope): a
 * cluster-wide capability makes namespaced ones of the same id redundant, cluster-admin makes
 * every other one redundant, and a namespace admin's high and medium capabilities in its
 * namespace are not repeated.
 */
export function capabilitiesOf(vias: readonly GrantVia[]): Capability[] {
  const found = new Map<string, Capability>();
  const approvals: GrantVia[] = [];
  let signer = false;
  const push = (id: CapabilityId, level: CapabilityLevel, via: GrantVia) => {
    const k = `${id}|${via.scope ?? ""}`;
    if (found.has(k)) return;
    const c: Capability = { id, level, title: TITLES[id], why: why(id, via.scope), via };
    if (via.scope !== undefined) c.scope = via.scope;
    found.set(k, c);
  };
  for (const via of vias) {
    const vc = cachedViaCaps(via);
    for (const c of vc.caps) push(c.id, c.level, via);
    if (vc.csrApproval) approvals.push(via);
    if (vc.signerApprove) signer = true;
  }
  if (signer && approvals.length > 0 && !found.has("cluster-admin|")) push("approve-csr", "high", approvals[0]!);
  let list = [...found.values()];
  if (found.has("cluster-admin|")) return [found.get("cluster-admin|")!];
  const adminOf = new Set(list.filter((c) => c.id === "namespace-admin").map((c) => c.scope));
  list = list.filter((c) => {
    if (c.scope === undefined) return true;
    if (found.has(`${c.id}|`)) return false;
    return !(adminOf.has(c.scope) && c.level !== "admin" && c.id !== "namespace-admin");
  });
  return list.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      (a.scope === undefined ? 0 : 1) - (b.scope === undefined ? 0 : 1) ||
      ORDER_INDEX.get(a.id)! - ORDER_INDEX.get(b.id)! ||
      (a.scope ?? "").localeCompare(b.scope ?? ""),
  );
}

/** The highest level among capabilities ("" when none). */
export function privilegeOf(caps: readonly Capability[]): CapabilityLevel | "" {
  let best: CapabilityLevel | "" = "";
  for (const c of caps) if (best === "" || LEVEL_RANK[c.level] < LEVEL_RANK[best]) best = c.level;
  return best;
}
