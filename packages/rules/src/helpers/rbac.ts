// RBAC resolution shared by the rbac rules: which PolicyRules a Role/ClusterRole really holds
// (aggregated ClusterRoles expanded), what each binding grants to whom, and which pods run as a
// service account holding risky permissions. Built once per evaluation (keyed by ctx.index).
import type { KubeObject, RawFinding, Rule, RuleContext, SnapshotIndex } from "../types";
import { BUILTIN_CLUSTER_ROLES } from "../access/builtin-roles";
import type { PodSpecRef } from "./pod";
import { findNamed, nsOf, selectorMatches, type LabelSelector } from "./selectors";


/** Roles a control plane creates in kube-system that only read configuration. */
const KUBERNETES_READER_ROLES = new Set(["extension-apiserver-authentication-reader"]);

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A permission to look for: any of `verbs` on any of `resources` (group/resource, "" = core). */
export interface PermissionCheck {
  verbs: readonly string[];
  resources: ReadonlyArray<readonly [group: string, resource: string]>;
  /**
   * Whether a grant restricted by resourceNames counts (default true): true asks "may it act on
   * some object of the resource", false asks "may it act on every object" (read all Secrets, mint
   * a token for any service account). resourceNames ["*"] is treated as every name, as a reviewer
   * reads it (Kubernetes would match only an object literally named "*").
   */
  includeNamed?: boolean;
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface BindingInfo {
  binding: KubeObject;
  /** "RoleBinding" | "ClusterRoleBinding" */
  kind: string;
  /** Namespace the grant applies to; undefined = cluster-wide (ClusterRoleBinding). */
  scope: string | undefined;
  roleKind: string;
  roleName: string;
  /** The referenced Role/ClusterRole, when it is in the snapshot. */
  role: KubeObject | undefined;
  /** Effective rules of the referenced role (aggregation expanded); empty when missing. */
  rules: readonly PolicyRule[];
  subjects: readonly Subject[];
}

export interface RbacIndex {
  clusterRole(name: string): KubeObject | undefined;
  role(namespace: string, name: string): KubeObject | undefined;
  /** Effective rules of a Role or ClusterRole (aggregationRule expanded for ClusterRoles). */
  rulesOf(role: KubeObject): readonly PolicyRule[];
  bindings: readonly BindingInfo[];
  /** Bindings that apply to a service account (directly, or via its groups). */
  bindingsForServiceAccount(namespace: string, name: string): readonly BindingInfo[];
}

function arr(v: unknown): string[] {
  return Array.isArray(v) ? (v.filter((x) => typeof x === "string") as string[]) : [];
}

const RULE_FIELDS = ["apiGroups", "resources", "verbs", "resourceNames", "nonResourceURLs"] as const;

function isStringList(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

/**
 * A PolicyRule whose list fields are string arrays or absent, so callers may use array methods.
 * A malformed field (a string, a number, null, an array with non-strings) keeps only its strings;
 * a non-array becomes absent, as the API server would have refused the object.
 */
function cleanRule(x: unknown): PolicyRule {
  if (!x || typeof x !== "object" || Array.isArray(x)) return {};
  const src = x as Record<string, unknown>;
  let ok = true;
  for (const f of RULE_FIELDS) if (!isStringList(src[f])) ok = false;
  if (ok) return src as PolicyRule;
  const out: Record<string, unknown> = { ...src };
  for (const f of RULE_FIELDS) {
    const v = src[f];
    if (isStringList(v)) continue;
    if (Array.isArray(v)) out[f] = v.filter((e) => typeof e === "string");
    else delete out[f];
  }
  return out as PolicyRule;
}

/**
 * The PolicyRules of a Role/ClusterRole, index-aligned with `rules` (so `rules[i]` paths stay
 * exact): a non-object entry becomes an empty rule that grants nothing.
 */
export function policyRules(obj: KubeObject): PolicyRule[] {
  const r = (obj as any)?.rules;
  if (!Array.isArray(r)) return [];
  let out: PolicyRule[] = r;
  for (let i = 0; i < r.length; i++) {
    const c = cleanRule(r[i]);
    if (c !== r[i]) {
      if (out === r) out = r.slice();
      out[i] = c;
    }
  }
  return out;
}

function resourceMatches(ruleResources: readonly string[], resource: string): boolean {
  const slash = resource.indexOf("/");
  const sub = slash >= 0 ? resource.slice(slash) : undefined;
  for (const r of ruleResources) {
    if (r === "*" || r === resource) return true;
    if (!sub) continue;
    // "*/scale" grants the subresource of every resource; "*/*" every subresource.
    if (r.startsWith("*/") && (r === "*/*" || r.slice(1) === sub)) return true;
    // "pods/*" is read as every subresource of pods (pods/exec, pods/attach), never pods itself.
    if (r.endsWith("/*") && r.length === slash + 2 && resource.startsWith(r.slice(0, slash + 1))) return true;
  }
  return false;
}

interface RuleLists {
  verbs: string[];
  named: boolean;
  groups: string[];
  resources: string[];
  anyVerb: boolean;
  anyGroup: boolean;
}

// A dozen RBAC rules test every PolicyRule of every role: read its string lists once (rules are
// pure, so a PolicyRule never changes during an evaluation).
const listsCache = new WeakMap<PolicyRule, RuleLists>();

function ruleLists(rule: PolicyRule): RuleLists {
  let l = listsCache.get(rule);
  if (l) return l;
  const verbs = arr(rule.verbs);
  const groups = arr(rule.apiGroups);
  const names = arr(rule.resourceNames);
  l = { verbs, named: names.length > 0 && !names.includes("*"), groups, resources: arr(rule.resources), anyVerb: verbs.includes("*"), anyGroup: groups.includes("*") };
  if (typeof rule === "object" && rule !== null) listsCache.set(rule, l);
  return l;
}

/** Whether one PolicyRule grants any verb of the check on any of its resources. */
export function ruleGrants(rule: PolicyRule, check: PermissionCheck): boolean {
  const { verbs, named, groups, resources, anyVerb, anyGroup } = ruleLists(rule);
  if (verbs.length === 0) return false;
  if (check.includeNamed === false && named) return false;
  if (!anyVerb && !check.verbs.some((v) => verbs.includes(v))) return false;
  if (resources.length === 0) return false;
  for (const [g, res] of check.resources) {
    if (!anyGroup && !groups.includes(g)) continue;
    if (resourceMatches(resources, res)) return true;
  }
  return false;
}

/** Index of the first rule granting the check, or -1. */
export function findGrant(rules: readonly PolicyRule[], check: PermissionCheck): number {
  for (let i = 0; i < rules.length; i++) if (ruleGrants(rules[i]!, check)) return i;
  return -1;
}

export function grants(rules: readonly PolicyRule[], check: PermissionCheck): boolean {
  return findGrant(rules, check) >= 0;
}

/** Rule grants every verb on every resource of every group: cluster-admin equivalent. */
export function isFullWildcard(rule: PolicyRule): boolean {
  return arr(rule.apiGroups).includes("*") && arr(rule.resources).includes("*") && arr(rule.verbs).includes("*");
}

const ALL_WRITE_VERBS = ["get", "list", "watch", "create", "update", "patch", "delete"];

/**
 * Admin-equivalent rule as Polaris judges it: apiGroups "*", resources "*", and verbs "*" or all
 * seven of get/list/watch/create/update/patch/delete.
 */
export function isAdminRule(rule: PolicyRule): boolean {
  const g = arr(rule.apiGroups);
  const r = arr(rule.resources);
  const v = arr(rule.verbs);
  if (!g.includes("*") || !r.includes("*")) return false;
  return v.includes("*") || ALL_WRITE_VERBS.every((x) => v.includes(x));
}

/** Kubernetes-owned RBAC objects (bootstrap policy, system: names): judged as defaults, not user grants. */
export function isDefaultRbacObject(obj: KubeObject): boolean {
  const name = obj.metadata?.name ?? "";
  if (name.startsWith("system:") || name === "gce:podsecuritypolicy:calico-sa") return true;
  return obj.metadata?.labels?.["kubernetes.io/bootstrapping"] === "rbac-defaults";
}

export function subjectsOf(binding: KubeObject): Subject[] {
  const s = (binding as any).subjects;
  if (!Array.isArray(s)) return [];
  return s.filter((x: any) => x && typeof x === "object" && typeof x.name === "string" && typeof x.kind === "string");
}

export function roleRefOf(binding: KubeObject): { kind: string; name: string } | undefined {
  const r = (binding as any).roleRef;
  if (!r || typeof r !== "object" || typeof r.name !== "string" || typeof r.kind !== "string") return undefined;
  return { kind: r.kind, name: r.name };
}

function bindingNamespace(b: KubeObject): string {
  return b.metadata?.namespace || "default";
}

const cache = new WeakMap<SnapshotIndex, RbacIndex>();

export function rbacIndex(ctx: RuleContext): RbacIndex {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const built = build(ctx.index);
  cache.set(ctx.index, built);
  return built;
}

function build(index: SnapshotIndex): RbacIndex {
  const clusterRoles = new Map<string, KubeObject>();
  for (const cr of index.byKind("ClusterRole")) {
    const n = cr.metadata?.name;
    if (n && !clusterRoles.has(n)) clusterRoles.set(n, cr);
  }
  const roles = new Map<string, KubeObject>();
  for (const r of index.byKind("Role")) {
    const n = r.metadata?.name;
    if (n) {
      const k = `${r.metadata?.namespace || "default"}/${n}`;
      if (!roles.has(k)) roles.set(k, r);
    }
  }

  const effective = new Map<KubeObject, PolicyRule[]>();
  const rulesOf = (role: KubeObject, seen: Set<KubeObject> = new Set()): PolicyRule[] => {
    const done = effective.get(role);
    if (done) return done;
    const own = policyRules(role);
    const agg = (role as any).aggregationRule?.clusterRoleSelectors;
    if (role.kind !== "ClusterRole" || !Array.isArray(agg) || agg.length === 0) {
      effective.set(role, own);
      return own;
    }
    // The controller replaces an aggregated role's rules with the union of every ClusterRole whose
    // labels match a selector; the stored rules may be stale or empty in a manifest set.
    seen.add(role);
    const out = [...own];
    for (const other of clusterRoles.values()) {
      if (other === role || seen.has(other)) continue;
      // An empty selector selects every ClusterRole, as the aggregation controller reads it.
      const labels = other.metadata?.labels ?? {};
      if (agg.some((sel: LabelSelector) => selectorMatches(sel, labels, true))) out.push(...rulesOf(other, seen));
    }
    effective.set(role, out);
    return out;
  };

  const bindings: BindingInfo[] = [];
  const add = (b: KubeObject, kind: string) => {
    const ref = roleRefOf(b);
    if (!ref) return;
    const scope = kind === "ClusterRoleBinding" ? undefined : bindingNamespace(b);
    let role: KubeObject | undefined;
    if (ref.kind === "ClusterRole") role = clusterRoles.get(ref.name);
    else if (ref.kind === "Role" && scope !== undefined) role = roles.get(`${scope}/${ref.name}`);
    bindings.push({
      binding: b,
      kind,
      scope,
      roleKind: ref.kind,
      roleName: ref.name,
      role,
      rules: role ? rulesOf(role) : [],
      subjects: subjectsOf(b),
    });
  };
  for (const b of index.byKind("ClusterRoleBinding")) add(b, "ClusterRoleBinding");
  for (const b of index.byKind("RoleBinding")) add(b, "RoleBinding");

  // service account "ns/name" -> bindings, and group -> bindings, so per-pod lookups stay cheap.
  const bySa = new Map<string, BindingInfo[]>();
  const byGroup = new Map<string, BindingInfo[]>();
  const push = (m: Map<string, BindingInfo[]>, k: string, b: BindingInfo) => {
    const l = m.get(k);
    if (l) {
      if (l[l.length - 1] !== b) l.push(b);
    } else m.set(k, [b]);
  };
  for (const b of bindings) {
    for (const s of b.subjects) {
      if (s.kind === "ServiceAccount") {
        push(bySa, `${s.namespace || bindingNamespace(b.binding)}/${s.name}`, b);
      } else if (s.kind === "User" && s.name.startsWith("system:serviceaccount:")) {
        const [, , ns, name] = s.name.split(":");
        if (ns && name) push(bySa, `${ns}/${name}`, b);
      } else if (s.kind === "Group") push(byGroup, s.name, b);
    }
  }
  const saCache = new Map<string, BindingInfo[]>();
  const bindingsForServiceAccount = (ns: string, name: string): BindingInfo[] => {
    const key = `${ns}/${name}`;
    const hit = saCache.get(key);
    if (hit) return hit;
    const set = new Set<BindingInfo>(bySa.get(key) ?? []);
    for (const g of ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"]) {
      for (const b of byGroup.get(g) ?? []) set.add(b);
    }
    // A RoleBinding grants only inside its own namespace.
    const out = [...set];
    saCache.set(key, out);
    return out;
  };

  return {
    clusterRole: (n) => clusterRoles.get(n),
    role: (ns, n) => roles.get(`${ns}/${n}`),
    rulesOf: (r) => rulesOf(r),
    bindings,
    bindingsForServiceAccount,
  };
}

/** "ClusterRole/name" or "Role/ns/name" for messages. */
export function roleLabel(b: BindingInfo): string {
  return b.roleKind === "Role" ? `Role ${b.scope}/${b.roleName}` : `ClusterRole ${b.roleName}`;
}

export function bindingLabel(b: BindingInfo): string {
  const n = b.binding.metadata?.name ?? "";
  return b.kind === "RoleBinding" ? `RoleBinding ${b.scope}/${n}` : `ClusterRoleBinding ${n}`;
}

/** Where a binding's grant applies, for messages. */
export function scopeLabel(b: BindingInfo): string {
  return b.scope === undefined ? "cluster-wide" : `in namespace ${b.scope}`;
}

export interface RoleEntry {
  role: KubeObject;
  /** policyRules(role) */
  rules: PolicyRule[];
  /** isDefaultRbacObject(role) */
  isDefault: boolean;
  /**
   * Content ids of `rules` (index-aligned): two PolicyRules with the same id have the same content
   * (JSON), so a pure predicate over a PolicyRule gives the same answer for both.
   */
  contentIds: number[];
}

interface RoleEntries {
  byKind: Map<string, RoleEntry[]>;
  /** JSON of a PolicyRule -> its content id, shared across kinds. */
  ids: Map<string, number>;
}

// A score of role-content rules read every Role and ClusterRole: clean their rules and classify
// them once per evaluation (keyed by ctx.index) instead of once per rule.
const roleEntries = new WeakMap<SnapshotIndex, RoleEntries>();

/** Roles of a kind with their cleaned rules, in read order; computed once per evaluation. */
export function rolesOfKind(ctx: RuleContext, kind: string): readonly RoleEntry[] {
  let entries = roleEntries.get(ctx.index);
  if (!entries) roleEntries.set(ctx.index, (entries = { byKind: new Map(), ids: new Map() }));
  let list = entries.byKind.get(kind);
  if (!list) {
    const ids = entries.ids;
    list = ctx.index.byKind(kind).map((role) => {
      const rules = policyRules(role);
      const contentIds = new Array<number>(rules.length);
      for (let i = 0; i < rules.length; i++) contentIds[i] = contentId(ids, rules[i]!);
      return { role, rules, isDefault: isDefaultRbacObject(role), contentIds };
    });
    entries.byKind.set(kind, list);
  }
  return list;
}

/** Interned content id of a PolicyRule; a rule that cannot be serialised gets an id of its own. */
function contentId(ids: Map<string, number>, rule: PolicyRule): number {
  let key: string | undefined;
  try {
    key = JSON.stringify(rule);
  } catch {
    key = undefined;
  }
  if (key === undefined) {
    const own = -1 - ids.size;
    ids.set(`\u0000${ids.size}`, own);
    return own;
  }
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** One finding per offending rule of a Role/ClusterRole for a role-content rule. */
export function* roleRuleFindings(
  ctx: RuleContext,
  opts: {
    kinds: readonly string[];
    /** Must be a pure function of the PolicyRule's content: its answers are reused across equal rules. */
    matches: (rule: PolicyRule) => boolean;
    message: (role: KubeObject, rule: PolicyRule) => string;
    /** Skip Kubernetes-owned defaults (system:, bootstrap label); default true. */
    skipDefaults?: boolean;
    skip?: (role: KubeObject) => boolean;
  },
): Iterable<RawFinding> {
  // Roles repeat the same PolicyRules (per namespace, per release): judge each content once.
  const verdicts = new Map<number, boolean>();
  for (const kind of opts.kinds) {
    for (const { role, rules, isDefault, contentIds } of rolesOfKind(ctx, kind)) {
      if (isDefault && opts.skipDefaults !== false) continue;
      if (opts.skip?.(role)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i]!;
        const id = contentIds[i]!;
        let hit = verdicts.get(id);
        if (hit === undefined) {
          hit = opts.matches(r);
          if (id >= 0) verdicts.set(id, hit);
        }
        if (!hit) continue;
        yield {
          object: role,
          path: `rules[${i}]`,
          observed: { apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs },
          message: opts.message(role, r),
        };
      }
    }
  }
}

/** Verbs that change a resource (Trivy's "manage" set includes impersonate). */
export const MANAGE_VERBS = ["create", "update", "patch", "delete", "deletecollection", "impersonate"] as const;
export const READ_VERBS = ["get", "list", "watch"] as const;

export const WORKLOAD_RESOURCES: ReadonlyArray<readonly [string, string]> = [
  ["", "pods"],
  ["apps", "deployments"],
  ["apps", "daemonsets"],
  ["apps", "statefulsets"],
  ["apps", "replicasets"],
  ["", "replicationcontrollers"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
  ["extensions", "deployments"],
  ["extensions", "daemonsets"],
  ["extensions", "replicasets"],
];

export const SECRETS: ReadonlyArray<readonly [string, string]> = [["", "secrets"]];

/** Subjects that are Kubernetes-internal identities (controllers, nodes), not user grants. */
export function isSystemSubject(s: Subject): boolean {
  if (s.kind === "ServiceAccount") return s.namespace === "kube-system";
  return s.name.startsWith("system:") && s.name !== "system:anonymous" && s.name !== "system:unauthenticated" && s.name !== "system:authenticated" && !s.name.startsWith("system:serviceaccount");
}

/** The service account a pod spec runs as ("default" when unset). */
export function serviceAccountName(spec: any): string {
  const n = spec?.serviceAccountName ?? spec?.serviceAccount;
  return typeof n === "string" && n ? n : "default";
}

/**
 * Rules a binding grants: the referenced role's effective rules, or, when the role is not in the
 * snapshot but is a built-in ClusterRole, what Kubernetes ships for it. undefined = unknown.
 */
export function grantedRules(b: BindingInfo): readonly PolicyRule[] | undefined {
  if (b.role) return b.rules;
  if (b.roleKind === "ClusterRole") return BUILTIN_CLUSTER_ROLES.get(b.roleName);
  return undefined;
}

export const EXEC_ATTACH: PermissionCheck = { verbs: ["create", "get"], resources: [["", "pods/exec"], ["", "pods/attach"]] };
export const PORT_FORWARD: PermissionCheck = { verbs: ["create", "get"], resources: [["", "pods/portforward"]] };
export const READ_SECRETS: PermissionCheck = { verbs: ["get", "list", "watch"], resources: SECRETS };
/** Reading every Secret in scope: grants limited to named Secrets do not count. */
export const READ_ANY_SECRET: PermissionCheck = { ...READ_SECRETS, includeNamed: false };
export const CREATE_WORKLOADS: PermissionCheck = { verbs: ["create", "update", "patch"], resources: WORKLOAD_RESOURCES };
export const IMPERSONATE: PermissionCheck = {
  verbs: ["impersonate"],
  resources: [["", "users"], ["", "groups"], ["", "serviceaccounts"], ["authentication.k8s.io", "userextras/scopes"], ["authentication.k8s.io", "uids"]],
};
export const BIND_ESCALATE: PermissionCheck = {
  verbs: ["bind", "escalate"],
  resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]],
};

/** A role-content rule: one finding per offending PolicyRule of a Role/ClusterRole. */
export function roleContentRule(opts: Omit<Rule, "evaluate" | "kinds"> & {
  kinds?: readonly string[];
  matches: (rule: PolicyRule) => boolean;
  message: (role: KubeObject, rule: PolicyRule) => string;
  skip?: (role: KubeObject) => boolean;
}): Rule {
  const { matches, message, skip, kinds = ["Role", "ClusterRole"], ...meta } = opts;
  return {
    ...meta,
    kinds,
    evaluate: (ctx) => roleRuleFindings(ctx, { kinds, matches, message, skip }),
  };
}

export function roleName(role: KubeObject): string {
  return role.kind === "Role" ? `Role ${role.metadata?.namespace ?? "default"}/${role.metadata?.name}` : `ClusterRole ${role.metadata?.name}`;
}

export function list(v: unknown): string {
  return arr(v).join(",");
}

/** Bindings Kubernetes or the platform creates (system: names, bootstrap label, GKE's calico binding). */
export function isDefaultBinding(b: KubeObject): boolean {
  const n = b.metadata?.name ?? "";
  if (b.kind === "ClusterRoleBinding" && n === "cluster-admin") return true;
  return isDefaultRbacObject(b);
}

/**
 * A binding-level rule: for each (Cluster)RoleBinding of `bindingKind` whose roleRef is of
 * `roleKind`, `judge` returns a message when the grant is a problem.
 */
export function bindingRule(opts: Omit<Rule, "evaluate" | "kinds"> & {
  bindingKind: "RoleBinding" | "ClusterRoleBinding";
  roleKind: "Role" | "ClusterRole";
  judge: (b: BindingInfo, rules: readonly PolicyRule[] | undefined, ctx: RuleContext) => { message: string; observed?: unknown } | undefined;
}): Rule {
  const { bindingKind, roleKind, judge, ...meta } = opts;
  return {
    ...meta,
    kinds: [bindingKind],
    *evaluate(ctx) {
      for (const b of rbacIndex(ctx).bindings) {
        if (b.kind !== bindingKind || b.roleKind !== roleKind) continue;
        if (isDefaultBinding(b.binding)) continue;
        const verdict = judge(b, grantedRules(b), ctx);
        if (!verdict) continue;
        yield { object: b.binding, path: "roleRef", observed: verdict.observed ?? `${b.roleKind}/${b.roleName}`, message: verdict.message };
      }
    },
  };
}

/**
 * The exec/attach binding rules, one per binding/role kind pair. In a manifest set, a binding to a
 * role missing from the set is reported too: whoever creates that role decides what it grants
 * (Polaris treats it the same way).
 */
export function execAttachBindingRule(opts: Pick<Rule, "id" | "title" | "severity" | "peers"> & {
  bindingKind: "RoleBinding" | "ClusterRoleBinding";
  roleKind: "Role" | "ClusterRole";
}): Rule {
  const { id, title, severity, bindingKind, roleKind, peers } = opts;
  const where = bindingKind === "ClusterRoleBinding" ? "in every namespace" : "in the binding's namespace";
  return bindingRule({
    id,
    title,
    category: "rbac",
    severity,
    bindingKind,
    roleKind,
    description: `Subjects of this binding can open a shell in, or attach to, running containers (pods/exec, pods/attach) ${where}, acting with each pod's service account and reading its mounted Secrets.`,
    remediation: "Bind a role without pods/exec and pods/attach; grant shell access just-in-time for debugging.",
    references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
    peers,
    judge: (b, rules, ctx) => {
      // view grants no exec; cluster-admin bindings have their own rules.
      if (roleKind === "ClusterRole" && (b.roleName === "view" || b.roleName === "cluster-admin")) return undefined;
      // On a whole cluster the missing role grants nothing now; rbac-binding-missing-role reports it.
      // Kubernetes' own system: roles (and the kube-system reader Role below) grant no exec/attach; a manifest set that binds one
      // (auth-delegator, node-proxier, ...) leaves nothing unverified.
      if (!rules && (b.roleName.startsWith("system:") || KUBERNETES_READER_ROLES.has(b.roleName))) return undefined;
      if (!rules) return ctx.snapshot.kindsComplete ? undefined : { message: `references ${roleKind} ${b.roleName}, which is not in the snapshot: its grants, possibly exec/attach, cannot be verified`, observed: "missing role" };
      const i = findGrant(rules, EXEC_ATTACH);
      if (i < 0) return undefined;
      return { message: `grants exec/attach into pods ${scopeLabel(b)} via ${roleKind} ${b.roleName} to ${subjectList(b)}`, observed: rules[i] };
    },
  });
}

/** Subjects of a binding for messages, e.g. "User jane, ServiceAccount shop/ci". */
export function subjectList(b: BindingInfo): string {
  const s = b.subjects.map((x) => (x.kind === "ServiceAccount" ? `ServiceAccount ${x.namespace || b.scope || "default"}/${x.name}` : `${x.kind} ${x.name}`));
  return s.length ? s.join(", ") : "no subjects";
}

/** Whether the pod gets an API token: pod setting wins, then the service account's, default yes. */
export function tokenMounted(ctx: RuleContext, ref: PodSpecRef): boolean {
  if (ref.spec?.automountServiceAccountToken === false) return false;
  if (ref.spec?.automountServiceAccountToken === true) return true;
  const sa = findNamed(ctx, "ServiceAccount", nsOf(ref.object), serviceAccountName(ref.spec));
  return (sa as any)?.automountServiceAccountToken !== false;
}
