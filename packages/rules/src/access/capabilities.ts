// Risky capabilities: what a reviewer looks for in a subject's grants (the escalation paths of
// https://kubernetes.io/docs/concepts/security/rbac-good-practices/), with a sentence saying why.
import { compareVias, ruleAllows, toRequest, type Request } from "./match";
import type { Capability, CapabilityId, CapabilityLevel, GrantRule, GrantVia } from "./types";

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

interface RuleCaps {
  caps: Raw[];
  /** The rule approves CSRs (approval subresource); counts only with a signer approval too. */
  csrApproval: boolean;
  signerApprove: boolean;
}

/** What a capability is judged on: a grant or a via. */
type Holder = Pick<GrantVia, "rule" | "scope" | "bindingKind">;

function request(verb: string, group: string, resource: string, named: boolean): Request {
  const slash = resource.indexOf("/");
  const base = slash >= 0 ? resource.slice(0, slash) : resource;
  const sub = slash >= 0 ? resource.slice(slash + 1) : undefined;
  // A create of a new object carries no name: a resourceNames rule never allows it.
  const includeNamed = named && !(verb === "create" && sub === undefined);
  return toRequest({ verb, resource: sub ? `${base}.${group}/${sub}` : `${base}.${group}`, apiGroup: group, includeNamed });
}

/** Any of the verbs on any of the resources; `named`: a rule limited to some names counts. */
function check(verbs: readonly string[], res: readonly Res[], named: boolean): Request[] {
  const out: Request[] = [];
  for (const [g, r] of res) for (const v of verbs) out.push(request(v, g, r, named));
  return out;
}

const ROLES: Res[] = [[RBAC, "roles"], [RBAC, "clusterroles"]];
const CHECKS = {
  escalate: check(["escalate"], ROLES, true),
  bind: check(["bind"], ROLES, true),
  impersonateAll: check(["impersonate"], [["", "users"], ["", "groups"], ["", "serviceaccounts"]], true),
  impersonateSa: check(["impersonate"], [["", "serviceaccounts"]], true),
  nodeProxy: check(["get", "create"], [["", "nodes/proxy"]], true),
  createPods: [...check(["create"], WORKLOADS, false), ...check(["update", "patch"], CONTROLLERS, true)],
  tokens: check(["create"], [["", "serviceaccounts/token"]], true),
  secrets: check(["get", "list", "watch"], [["", "secrets"]], false),
  exec: check(["create", "get"], [["", "pods/exec"], ["", "pods/attach"]], true),
  rbac: check(["create", "update", "patch"], [[RBAC, "rolebindings"], [RBAC, "clusterrolebindings"]], true),
  csrApproval: check(["update", "patch"], [["certificates.k8s.io", "certificatesigningrequests/approval"]], true),
  signers: check(["approve"], [["certificates.k8s.io", "signers"]], true),
  webhooks: check(["create", "update", "patch"], [["admissionregistration.k8s.io", "mutatingwebhookconfigurations"], ["admissionregistration.k8s.io", "validatingwebhookconfigurations"]], true),
  portForward: check(["create", "get"], [["", "pods/portforward"]], true),
  events: check(["delete", "deletecollection"], [["", "events"], ["events.k8s.io", "events"]], true),
  networking: check(
    ["create", "update", "patch", "delete"],
    [["networking.k8s.io", "networkpolicies"], ["extensions", "networkpolicies"], ["", "services"], ["networking.k8s.io", "ingresses"], ["extensions", "ingresses"]],
    true,
  ),
};

function can(rule: GrantRule, reqs: readonly Request[]): boolean {
  for (const r of reqs) if (ruleAllows(rule, r)) return true;
  return false;
}

function isFullWildcard(rule: GrantRule): boolean {
  return rule.verbs.includes("*") && rule.apiGroups.includes("*") && rule.resources.includes("*") && rule.resourceNames.length === 0;
}

type Reach = "cluster" | "kube-system" | "namespace";

/** Capabilities of one rule bound cluster-wide, in kube-system, or in another namespace. */
function ruleCaps(rule: GrantRule, reach: Reach): RuleCaps {
  const clusterWide = reach === "cluster";
  const kube = reach !== "namespace";
  const caps: Raw[] = [];
  const add = (id: CapabilityId, level: CapabilityLevel) => caps.push({ id, level });
  if (isFullWildcard(rule)) {
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
  if (can(rule, CHECKS.escalate)) add("escalate", escLevel);
  if (can(rule, CHECKS.bind)) add("bind", escLevel);
  // users and groups are cluster-scoped: a RoleBinding can only let it impersonate service accounts
  if (can(rule, clusterWide ? CHECKS.impersonateAll : CHECKS.impersonateSa)) add("impersonate", escLevel);
  if (clusterWide && can(rule, CHECKS.nodeProxy)) add("node-proxy", "admin");
  if (can(rule, CHECKS.createPods)) add(kube ? "create-pods-kube-system" : "create-workloads", kube ? "admin" : "high");
  if (can(rule, CHECKS.tokens)) add(kube ? "create-tokens-kube-system" : "create-tokens", kube ? "admin" : "high");
  if (can(rule, CHECKS.secrets)) add("read-secrets", "high");
  if (can(rule, CHECKS.exec)) add("exec", "high");
  if (can(rule, CHECKS.rbac)) add("manage-rbac", "high");
  const csrApproval = clusterWide && can(rule, CHECKS.csrApproval);
  const signerApprove = clusterWide && can(rule, CHECKS.signers);
  if (clusterWide && can(rule, CHECKS.webhooks)) add("manage-webhooks", "high");
  if (can(rule, CHECKS.portForward)) add("port-forward", "medium");
  if (can(rule, CHECKS.events)) add("delete-events", "medium");
  if (can(rule, CHECKS.networking)) add("manage-networking", "medium");
  return { caps, csrApproval, signerApprove };
}

// Every subject of a binding, and every binding of a role, shares the role's GrantRule objects:
// classify each (rule, reach) once.
const ruleCache = new WeakMap<GrantRule, Partial<Record<Reach, RuleCaps>>>();

function cachedRuleCaps(h: Holder): RuleCaps {
  // A ClusterRoleBinding's grant has no scope; a RoleBinding's has its namespace.
  const reach: Reach = h.scope === undefined ? (h.bindingKind === "ClusterRoleBinding" ? "cluster" : "namespace") : h.scope === "kube-system" ? "kube-system" : "namespace";
  let m = ruleCache.get(h.rule);
  if (!m) ruleCache.set(h.rule, (m = {}));
  return (m[reach] ??= ruleCaps(h.rule, reach));
}

/** Whether a grant or via gives any capability (a cheap filter before collectCapabilities). */
export function givesCapability(h: Holder): boolean {
  const rc = cachedRuleCaps(h);
  return rc.caps.length > 0 || rc.csrApproval || rc.signerApprove;
}

/**
 * Capabilities of grant-like items, in lists (the model passes a subject's grants and its groups'
 * vias without copying them into one list of vias first). `prefer(a, b) < 0` when `a` is the better path to name for a capability
 * both give; `toVia` makes the via of the chosen one.
 */
export function collectCapabilities<T extends Holder>(lists: ReadonlyArray<readonly T[]>, toVia: (t: T) => GrantVia, prefer: (a: T, b: T) => number): Capability[] {
  const found = new Map<string, { id: CapabilityId; level: CapabilityLevel; scope: string | undefined; item: T }>();
  let approval: T | undefined;
  let signer = false;
  const push = (id: CapabilityId, level: CapabilityLevel, item: T) => {
    const k = `${id}|${item.scope ?? ""}`;
    const hit = found.get(k);
    if (!hit) found.set(k, { id, level, scope: item.scope, item });
    else if (prefer(item, hit.item) < 0) hit.item = item;
  };
  for (const items of lists) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const rc = cachedRuleCaps(item);
      for (const c of rc.caps) push(c.id, c.level, item);
      if (rc.csrApproval && (!approval || prefer(item, approval) < 0)) approval = item;
      if (rc.signerApprove) signer = true;
    }
  }
  if (signer && approval) push("approve-csr", "high", approval);
  const make = (c: { id: CapabilityId; level: CapabilityLevel; scope: string | undefined; item: T }): Capability => {
    const out: Capability = { id: c.id, level: c.level, title: TITLES[c.id], why: why(c.id, c.scope), via: toVia(c.item) };
    if (c.scope !== undefined) out.scope = c.scope;
    return out;
  };
  const admin = found.get("cluster-admin|");
  if (admin) return [make(admin)];
  const adminOf = new Set<string | undefined>();
  for (const c of found.values()) if (c.id === "namespace-admin") adminOf.add(c.scope);
  const list: Capability[] = [];
  for (const c of found.values()) {
    if (c.scope !== undefined) {
      if (found.has(`${c.id}|`)) continue;
      if (adminOf.has(c.scope) && c.level !== "admin" && c.id !== "namespace-admin") continue;
    }
    list.push(make(c));
  }
  return list.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      (a.scope === undefined ? 0 : 1) - (b.scope === undefined ? 0 : 1) ||
      ORDER_INDEX.get(a.id)! - ORDER_INDEX.get(b.id)! ||
      (a.scope ?? "").localeCompare(b.scope ?? ""),
  );
}

/** A subject's own grants before those of its groups, then in path order. */
export function preferVia(a: GrantVia, b: GrantVia): number {
  return (a.viaGroup === undefined ? 0 : 1) - (b.viaGroup === undefined ? 0 : 1) || compareVias(a, b);
}

/**
 * Risky capabilities of a subject's grants, highest level first, one per (id, scope), each naming
 * the first path that gives it: a cluster-wide capability makes namespaced ones of the same id
 * redundant, cluster-admin makes every other one redundant, and a namespace admin's high and
 * medium capabilities in its namespace are not repeated.
 */
export function capabilitiesOf(vias: readonly GrantVia[]): Capability[] {
  return collectCapabilities([vias], (v) => v, preferVia);
}

/** The highest level among capabilities ("" when none). */
export function privilegeOf(caps: readonly Capability[]): CapabilityLevel | "" {
  let best: CapabilityLevel | "" = "";
  for (const c of caps) if (best === "" || LEVEL_RANK[c.level] < LEVEL_RANK[best]) best = c.level;
  return best;
}
