// The access model of one snapshot: every grant (subject x binding x effective rule), every
// subject with the workloads that run as it and its risky capabilities, and what is stale.
import * as nodeCrypto from "node:crypto";
import { isDefaultBinding, isDefaultRbacObject, policyRules, roleRefOf, serviceAccountName, subjectsOf, type PolicyRule } from "../helpers/rbac";
import { selectorMatches, type LabelSelector } from "../helpers/selectors";
import type { KubeObject } from "../types";
import { BUILTIN_CLUSTER_ROLES } from "./builtin-roles";
import { collectCapabilities, givesCapability, preferVia, privilegeOf } from "./capabilities";
import { compareSubjects, grantToVia, implicitGroups, normalizeSubject, subjectKey } from "./match";
import type { AccessGrant, AccessModel, AccessSubject, BindingKind, GrantRule, GrantVia, RoleKind, StaleItem, SubjectRef, WorkloadRef } from "./types";

export interface BuildAccessModelOptions {
  /**
   * false for a manifest set: an object's absence says nothing, so bindings to missing service
   * accounts or roles and unused service accounts are not reported. Default true (a cluster).
   */
  complete?: boolean;
}

const oneShot = (nodeCrypto as { hash?: (alg: string, data: string, enc: "base64url") => string }).hash;

/** 11 base64url characters (66 bits) of sha256. */
function hashKey(input: string): string {
  const h = oneShot ? oneShot("sha256", input, "base64url") : nodeCrypto.createHash("sha256").update(input).digest("base64url");
  return h.slice(0, 11);
}

const TOKEN_SECRET = "kubernetes.io/service-account-token";
const OWNER_KINDS = new Set(["ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"]);
const CONTROLLER_KINDS = OWNER_KINDS;

function nsOf(o: KubeObject): string {
  const ns = o.metadata?.namespace;
  return typeof ns === "string" && ns ? ns : "default";
}

function toGrantRule(r: PolicyRule): GrantRule {
  return {
    apiGroups: r.apiGroups ?? [],
    resources: r.resources ?? [],
    verbs: r.verbs ?? [],
    resourceNames: r.resourceNames ?? [],
    nonResourceURLs: r.nonResourceURLs ?? [],
  };
}

// A rule's content, independent of list order, for grant keys and de-duplication.
const contentCache = new WeakMap<GrantRule, string>();

function ruleContent(r: GrantRule): string {
  let c = contentCache.get(r);
  if (c === undefined) {
    const s = (l: string[]) => (l.length > 1 ? [...l].sort() : l);
    c = JSON.stringify([s(r.apiGroups), s(r.resources), s(r.verbs), s(r.resourceNames), s(r.nonResourceURLs)]);
    contentCache.set(r, c);
  }
  return c;
}

const ruleHashes = new Map<string, string>();

function ruleHash(r: GrantRule): string {
  const c = ruleContent(r);
  let h = ruleHashes.get(c);
  if (h === undefined) {
    if (ruleHashes.size > 50_000) ruleHashes.clear();
    ruleHashes.set(c, (h = hashKey(c)));
  }
  return h;
}

interface EffectiveRule {
  rule: GrantRule;
  source?: string;
}

/** Names Kubernetes uses for its own identities (controllers, nodes, system:masters). */
function isSystemName(s: SubjectRef): boolean {
  if (s.kind === "ServiceAccount") return false;
  const n = s.name;
  if (!n.startsWith("system:")) return false;
  return n !== "system:anonymous" && n !== "system:unauthenticated" && n !== "system:authenticated" && n !== "system:serviceaccounts" && !n.startsWith("system:serviceaccounts:");
}

function bindingRef(kind: BindingKind, ns: string | undefined, name: string): StaleItem["object"] {
  return ns === undefined ? { kind, name } : { kind, namespace: ns, name };
}

function bindingText(kind: BindingKind, ns: string | undefined, name: string): string {
  return ns === undefined ? `ClusterRoleBinding ${name}` : `RoleBinding ${ns}/${name}`;
}

function subjectText(s: SubjectRef): string {
  return s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

interface SubjectInfo {
  ref: SubjectRef;
  bindings: number;
  builtInBindings: number;
}

export function buildAccessModel(objects: readonly KubeObject[], opts: BuildAccessModelOptions = {}): AccessModel {
  const complete = opts.complete !== false;

  // One pass: what each part needs, by kind.
  const clusterRoles = new Map<string, KubeObject>();
  const roles = new Map<string, KubeObject>();
  const bindings: Array<{ obj: KubeObject; kind: BindingKind }> = [];
  const serviceAccounts = new Map<string, KubeObject>();
  const namespaces = new Set<string>();
  const tokenSecrets: KubeObject[] = [];
  const workloads: KubeObject[] = [];
  const byUid = new Map<string, KubeObject>();
  const byName = new Map<string, KubeObject>();
  let roleCount = 0;
  for (const o of objects) {
    if (!o || typeof o !== "object") continue;
    const name = o.metadata?.name;
    switch (o.kind) {
      case "ClusterRole":
        roleCount++;
        if (typeof name === "string" && !clusterRoles.has(name)) clusterRoles.set(name, o);
        break;
      case "Role":
        roleCount++;
        if (typeof name === "string") {
          const k = `${nsOf(o)}/${name}`;
          if (!roles.has(k)) roles.set(k, o);
        }
        break;
      case "ClusterRoleBinding":
      case "RoleBinding":
        bindings.push({ obj: o, kind: o.kind });
        break;
      case "ServiceAccount":
        if (typeof name === "string") serviceAccounts.set(`${nsOf(o)}/${name}`, o);
        break;
      case "Namespace":
        if (typeof name === "string") namespaces.add(name);
        break;
      case "Secret":
        if ((o as any).type === TOKEN_SECRET) tokenSecrets.push(o);
        break;
      case "Pod":
        workloads.push(o);
        break;
      default:
        if (CONTROLLER_KINDS.has(o.kind)) {
          workloads.push(o);
          const uid = o.metadata?.uid;
          if (typeof uid === "string" && uid) byUid.set(uid, o);
          if (typeof name === "string") byName.set(`${o.kind}/${nsOf(o)}/${name}`, o);
        }
    }
  }

  // Effective rules of each role: aggregated ClusterRoles hold their own rules plus those of every
  // ClusterRole their selectors match (recursively; a cycle stops at a role already on the path).
  const effective = new Map<KubeObject, EffectiveRule[]>();
  const aggregatedInto = new Set<KubeObject>();
  const aggregating: Array<{ role: KubeObject; selectors: LabelSelector[] }> = [];
  for (const cr of clusterRoles.values()) {
    const sel = (cr as any).aggregationRule?.clusterRoleSelectors;
    if (Array.isArray(sel) && sel.length > 0) aggregating.push({ role: cr, selectors: sel.filter((x: unknown) => x && typeof x === "object") });
  }
  const aggregatingSet = new Set(aggregating.map((a) => a.role));
  const selectorsOf = new Map(aggregating.map((a) => [a.role, a.selectors]));
  const rulesOf = (role: KubeObject, path: Set<KubeObject>): EffectiveRule[] => {
    const done = effective.get(role);
    if (done) return done;
    const own: EffectiveRule[] = policyRules(role).map((r) => ({ rule: toGrantRule(r) }));
    const selectors = role.kind === "ClusterRole" ? selectorsOf.get(role) : undefined;
    if (!selectors) {
      effective.set(role, own);
      return own;
    }
    path.add(role);
    const seen = new Map<string, EffectiveRule>();
    for (const e of own) if (!seen.has(ruleContent(e.rule))) seen.set(ruleContent(e.rule), e);
    const extra: EffectiveRule[] = [];
    for (const other of clusterRoles.values()) {
      if (other === role || path.has(other)) continue;
      const labels = other.metadata?.labels ?? {};
      if (!selectors.some((s) => selectorMatches(s, labels, true))) continue;
      aggregatedInto.add(other);
      for (const e of rulesOf(other, path)) {
        const c = ruleContent(e.rule);
        const source = e.source ?? other.metadata?.name;
        const mine = seen.get(c);
        if (mine) {
          // The controller copies aggregated rules into the role: name where the copy came from.
          if (mine.source === undefined && own.includes(mine)) mine.source = source;
          continue;
        }
        const add: EffectiveRule = source === undefined ? { rule: e.rule } : { rule: e.rule, source };
        seen.set(c, add);
        extra.push(add);
      }
    }
    path.delete(role);
    const out = [...own, ...extra];
    // Only a complete expansion is final: one cut short by a cycle is recomputed from its own root.
    if (path.size === 0) effective.set(role, out);
    return out;
  };

  const builtinRules = new Map<string, EffectiveRule[]>();
  for (const [name, rules] of BUILTIN_CLUSTER_ROLES) builtinRules.set(name, rules.map((rule) => ({ rule, source: "built-in" })));

  const grants: AccessGrant[] = [];
  /** Grants by subject key, in binding order. */
  const own = new Map<string, AccessGrant[]>();
  /** The subset that gives some capability: all capabilitiesOf needs to read. */
  const capable = new Map<string, AccessGrant[]>();
  const paths = new Set<string>();
  // A role's rules with their content hash, a rule repeated in the role kept once (per rules list).
  const distinct = new Map<EffectiveRule[], Array<EffectiveRule & { index: number; hash: string }>>();
  // Which of a role's distinct rules give a capability where it is bound (cluster-wide, in
  // kube-system, elsewhere), once per role and place.
  const risky = new Map<object, Map<string, boolean[]>>();
  const risksOf = (d: ReadonlyArray<EffectiveRule>, bindingKind: BindingKind, scope: string | undefined): boolean[] => {
    let m = risky.get(d);
    if (!m) risky.set(d, (m = new Map()));
    const place = scope === undefined ? "" : scope === "kube-system" ? "kube-system" : "ns";
    let r = m.get(place);
    if (!r) m.set(place, (r = d.map((e) => givesCapability({ rule: e.rule, bindingKind, scope: scope === undefined ? undefined : place === "ns" ? scope : "kube-system" }))));
    return r;
  };
  const distinctRules = (rules: EffectiveRule[]) => {
    let d = distinct.get(rules);
    if (!d) {
      const seen = new Set<string>();
      d = [];
      for (let i = 0; i < rules.length; i++) {
        const hash = ruleHash(rules[i]!.rule);
        if (seen.has(hash)) continue;
        seen.add(hash);
        d.push({ ...rules[i]!, index: i, hash });
      }
      distinct.set(rules, d);
    }
    return d;
  };
  const subjects = new Map<string, SubjectInfo>();
  const stale: StaleItem[] = [];
  const boundClusterRoles = new Set<string>();
  const boundRoles = new Set<string>();

  for (const { obj: b, kind: bindingKind } of bindings) {
    const ref = roleRefOf(b);
    const bindingName = b.metadata?.name ?? "";
    if (!ref || typeof bindingName !== "string") continue;
    const bindingNamespace = bindingKind === "RoleBinding" ? nsOf(b) : undefined;
    const scope = bindingNamespace;
    const roleKind = ref.kind as RoleKind;
    let rules: EffectiveRule[] | undefined;
    if (ref.kind === "ClusterRole") {
      boundClusterRoles.add(ref.name);
      const role = clusterRoles.get(ref.name);
      rules = role ? rulesOf(role, new Set()) : builtinRules.get(ref.name);
    } else if (ref.kind === "Role" && bindingNamespace !== undefined) {
      boundRoles.add(`${bindingNamespace}/${ref.name}`);
      const role = roles.get(`${bindingNamespace}/${ref.name}`);
      rules = role ? rulesOf(role, new Set()) : undefined;
    }
    const builtIn = isDefaultBinding(b);
    if (!rules && complete) {
      const roleText = ref.kind === "Role" && bindingNamespace !== undefined ? `Role ${bindingNamespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
      stale.push({
        kind: "binding-missing-role",
        object: bindingRef(bindingKind, bindingNamespace, bindingName),
        detail: `${bindingText(bindingKind, bindingNamespace, bindingName)} refers to ${roleText}, which does not exist: it grants nothing now, but whoever creates that role decides what its subjects get.`,
      });
    }
    const seenSubjects = new Set<string>();
    for (const s of subjectsOf(b)) {
      if (s.kind !== "User" && s.kind !== "Group" && s.kind !== "ServiceAccount") continue;
      let subject: SubjectRef;
      if (s.kind === "ServiceAccount") {
        // Without a namespace, a RoleBinding's service account is in the binding's namespace; a
        // ClusterRoleBinding's matches no one (the authorizer needs a namespace).
        const ns = s.namespace || bindingNamespace;
        if (!ns) continue;
        subject = { kind: "ServiceAccount", namespace: ns, name: s.name };
      } else subject = normalizeSubject({ kind: s.kind, name: s.name });
      const sk = subjectKey(subject);
      if (seenSubjects.has(sk)) continue;
      seenSubjects.add(sk);
      let info = subjects.get(sk);
      if (!info) subjects.set(sk, (info = { ref: subject, bindings: 0, builtInBindings: 0 }));
      info.bindings++;
      if (builtIn) info.builtInBindings++;

      if (!builtIn && subject.kind === "ServiceAccount" && complete && !serviceAccounts.has(`${subject.namespace}/${subject.name}`)) {
        const nsGone = namespaces.size > 0 && !namespaces.has(subject.namespace!);
        stale.push({
          kind: "binding-missing-subject",
          object: bindingRef(bindingKind, bindingNamespace, bindingName),
          subject,
          detail: `${bindingText(bindingKind, bindingNamespace, bindingName)} names ${subjectText(subject)}, which does not exist${nsGone ? ` (nor does namespace ${subject.namespace})` : ""}: whoever creates a service account of that name gets the binding's access.`,
        });
      }
      if (!builtIn && ((subject.kind === "User" && subject.name === "system:anonymous") || (subject.kind === "Group" && subject.name === "system:unauthenticated"))) {
        stale.push({
          kind: "anonymous-binding",
          object: bindingRef(bindingKind, bindingNamespace, bindingName),
          subject,
          detail: `${bindingText(bindingKind, bindingNamespace, bindingName)} grants ${ref.kind} ${ref.name} to ${subjectText(subject)}: anyone who can reach the API server gets it without signing in.`,
        });
      }
      if (!rules) continue;
      // Half the key names the path (subject, binding, role, scope), half the rule's content: 66
      // bits each, so one hash per path and one per distinct rule rather than one per grant.
      const pathKey = hashKey(JSON.stringify([subject.kind, subject.namespace ?? "", subject.name, bindingKind, bindingNamespace ?? "", bindingName, roleKind, ref.name, scope ?? ""]));
      // The same binding twice in a snapshot (a manifest set) grants once.
      if (paths.has(pathKey)) continue;
      paths.add(pathKey);
      let mine = own.get(sk);
      if (!mine) own.set(sk, (mine = []));
      let capableOfSubject = capable.get(sk);
      if (!capableOfSubject) capable.set(sk, (capableOfSubject = []));
      const d = distinctRules(rules);
      const risks = risksOf(d, bindingKind, scope);
      for (let j = 0; j < d.length; j++) {
        const e = d[j]!;
        const g: AccessGrant = { key: pathKey + e.hash, subject, bindingKind, bindingName, roleKind, roleName: ref.name, ruleIndex: e.index, rule: e.rule, builtIn };
        if (bindingNamespace !== undefined) g.bindingNamespace = bindingNamespace;
        if (e.source !== undefined) g.ruleSource = e.source;
        if (scope !== undefined) g.scope = scope;
        grants.push(g);
        mine.push(g);
        if (risks[j]) capableOfSubject.push(g);
      }
    }
  }

  // Workloads per service account, each mapped to its top controller (Pod -> ReplicaSet -> Deployment).
  const topOf = (o: KubeObject): WorkloadRef => {
    let cur = o;
    let top: WorkloadRef = { kind: o.kind, namespace: nsOf(o), name: o.metadata?.name ?? "" };
    for (let depth = 0; depth < 5; depth++) {
      const refs = cur.metadata?.ownerReferences;
      if (!Array.isArray(refs)) break;
      const owner = refs.find((r) => r && r.controller === true && OWNER_KINDS.has(r.kind));
      if (!owner || typeof owner.name !== "string") break;
      const ns = nsOf(cur);
      const next = (owner.uid && byUid.get(owner.uid)) || byName.get(`${owner.kind}/${ns}/${owner.name}`);
      top = { kind: owner.kind, namespace: ns, name: owner.name };
      if (!next) break;
      cur = next;
    }
    return top;
  };
  const workloadsOf = new Map<string, Map<string, WorkloadRef>>();
  for (const w of workloads) {
    const spec = w.kind === "Pod" ? (w as any).spec : w.kind === "CronJob" ? (w as any).spec?.jobTemplate?.spec?.template?.spec : (w as any).spec?.template?.spec;
    if (!spec || typeof spec !== "object") continue;
    const sa = `${nsOf(w)}/${serviceAccountName(spec)}`;
    const top = topOf(w);
    let m = workloadsOf.get(sa);
    if (!m) workloadsOf.set(sa, (m = new Map()));
    m.set(`${top.kind}/${top.namespace}/${top.name}`, top);
  }
  for (const sa of workloadsOf.keys()) {
    const slash = sa.indexOf("/");
    const ref: SubjectRef = { kind: "ServiceAccount", namespace: sa.slice(0, slash), name: sa.slice(slash + 1) };
    const k = subjectKey(ref);
    if (!subjects.has(k)) subjects.set(k, { ref, bindings: 0, builtInBindings: 0 });
  }

  // Grants of groups as vias of their implicit members.
  const groupVias = new Map<string, GrantVia[]>();
  const viasOfGroup = (name: string): GrantVia[] => {
    let l = groupVias.get(name);
    if (!l) {
      l = (capable.get(subjectKey({ kind: "Group", name })) ?? []).map((g) => grantToVia(g, name));
      groupVias.set(name, l);
    }
    return l;
  };

  const outSubjects: AccessSubject[] = [];
  let privileged = 0;
  for (const [k, info] of subjects) {
    const ref = info.ref;
    const lists: Array<ReadonlyArray<AccessGrant | GrantVia>> = [capable.get(k) ?? []];
    for (const group of implicitGroups(ref)) lists.push(viasOfGroup(group));
    const capabilities = collectCapabilities(lists, asVia, preferItem);
    const privilege = privilegeOf(capabilities);
    const builtIn =
      isSystemName(ref) ||
      (info.bindings > 0 ? info.builtInBindings === info.bindings : ref.kind === "ServiceAccount" && ref.namespace === "kube-system");
    const w = workloadsOf.get(`${ref.namespace}/${ref.name}`);
    const subject: AccessSubject = {
      ref,
      builtIn,
      workloads: ref.kind === "ServiceAccount" && w ? [...w.values()].sort(compareWorkloads) : [],
      capabilities,
      privilege,
    };
    if (ref.kind === "ServiceAccount") subject.exists = serviceAccounts.has(`${ref.namespace}/${ref.name}`);
    if (!builtIn && (privilege === "admin" || privilege === "high")) privileged++;
    outSubjects.push(subject);
  }
  outSubjects.sort((a, b) => compareSubjects(a.ref, b.ref));

  // Service accounts that hold grants of their own but that no workload runs as.
  if (complete) {
    for (const k of serviceAccounts.keys()) {
      const slash = k.indexOf("/");
      const ref: SubjectRef = { kind: "ServiceAccount", namespace: k.slice(0, slash), name: k.slice(slash + 1) };
      if (ref.name === "default" || workloadsOf.has(k)) continue;
      const sk = subjectKey(ref);
      if (!own.get(sk)?.length) continue;
      const info = subjects.get(sk)!;
      if (ref.namespace === "kube-system" && info.builtInBindings === info.bindings) continue;
      stale.push({
        kind: "unused-service-account",
        object: { kind: "ServiceAccount", namespace: ref.namespace!, name: ref.name },
        subject: ref,
        detail: `ServiceAccount ${ref.namespace}/${ref.name} holds ${info.bindings === 1 ? "a binding" : `${info.bindings} bindings`} but no pod runs as it: its access serves only whoever holds one of its tokens.`,
      });
    }
  }

  // Roles nobody binds (Kubernetes' own and those aggregated into another role left out).
  for (const cr of clusterRoles.values()) {
    const name = cr.metadata?.name ?? "";
    if (boundClusterRoles.has(name) || isDefaultRbacObject(cr) || BUILTIN_CLUSTER_ROLES.has(name) || aggregatedInto.has(cr)) continue;
    if (isAggregatedIntoAny(cr, aggregating)) continue;
    stale.push({
      kind: "role-unbound",
      object: { kind: "ClusterRole", name },
      detail: `ClusterRole ${name} is bound by no binding${aggregatingSet.has(cr) ? " (it aggregates other roles)" : ""}: it grants nothing and can be removed, or is waiting for a binding nobody reviewed.`,
    });
  }
  for (const [k, role] of roles) {
    if (boundRoles.has(k) || isDefaultRbacObject(role)) continue;
    const name = role.metadata?.name ?? "";
    stale.push({
      kind: "role-unbound",
      object: { kind: "Role", namespace: nsOf(role), name },
      detail: `Role ${k} is bound by no RoleBinding: it grants nothing and can be removed, or is waiting for a binding nobody reviewed.`,
    });
  }

  // Long-lived service account token Secrets: they never expire and survive the pods using them.
  for (const s of tokenSecrets) {
    const ns = nsOf(s);
    const saName = s.metadata?.annotations?.["kubernetes.io/service-account.name"];
    const item: StaleItem = {
      kind: "long-lived-token",
      object: { kind: "Secret", namespace: ns, name: s.metadata?.name ?? "" },
      detail: `Secret ${ns}/${s.metadata?.name ?? ""} holds a token${typeof saName === "string" && saName ? ` for ServiceAccount ${ns}/${saName}` : ""} that never expires: whoever copied it keeps the account's access until the Secret is deleted.`,
    };
    if (typeof saName === "string" && saName) item.subject = { kind: "ServiceAccount", namespace: ns, name: saName };
    stale.push(item);
  }

  stale.sort(compareStale);
  return {
    grants,
    subjects: outSubjects,
    stale,
    counts: { subjects: outSubjects.length, bindings: bindings.length, roles: roleCount, grants: grants.length, privileged },
  };
}

function isGrant(x: AccessGrant | GrantVia): x is AccessGrant {
  return "key" in x;
}

function asVia(x: AccessGrant | GrantVia): GrantVia {
  return isGrant(x) ? grantToVia(x) : x;
}

/** The path a subject's capability names: as capabilitiesOf(subjectGrants(...)) would pick it. */
function preferItem(a: AccessGrant | GrantVia, b: AccessGrant | GrantVia): number {
  return preferVia(asVia(a), asVia(b));
}

/** Whether a ClusterRole's labels put it into some aggregated role (also when expansion was cut short). */
function isAggregatedIntoAny(cr: KubeObject, aggregating: ReadonlyArray<{ role: KubeObject; selectors: LabelSelector[] }>): boolean {
  const labels = cr.metadata?.labels ?? {};
  return aggregating.some((a) => a.role !== cr && a.selectors.some((s) => selectorMatches(s, labels, true)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareWorkloads(a: WorkloadRef, b: WorkloadRef): number {
  return cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
}

const STALE_ORDER = ["anonymous-binding", "binding-missing-role", "binding-missing-subject", "long-lived-token", "unused-service-account", "role-unbound"];

function compareStale(a: StaleItem, b: StaleItem): number {
  return (
    STALE_ORDER.indexOf(a.kind) - STALE_ORDER.indexOf(b.kind) ||
    cmp(a.object.namespace ?? "", b.object.namespace ?? "") ||
    cmp(a.object.name, b.object.name) ||
    cmp(a.subject?.name ?? "", b.subject?.name ?? "")
  );
}

/** Grants added since `prev` (by key) and keys no longer granted. */
export function diffGrants(prev: Iterable<{ key: string }>, next: readonly AccessGrant[]): { added: AccessGrant[]; removedKeys: string[] } {
  const before = new Set<string>();
  for (const p of prev) before.add(p.key);
  const now = new Set<string>();
  const added: AccessGrant[] = [];
  for (const g of next) {
    if (now.has(g.key)) continue;
    now.add(g.key);
    if (!before.has(g.key)) added.push(g);
  }
  const removedKeys: string[] = [];
  for (const k of before) if (!now.has(k)) removedKeys.push(k);
  return { added, removedKeys };
}
