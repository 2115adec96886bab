// Who can do what: the Kubernetes RBAC authorizer's decision over grants (VerbMatches,
// APIGroupMatches, ResourceMatches, ResourceNameMatches, NonResourceURLMatches in
// kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go), and which grants a subject holds, itself or
// through the groups Kubernetes puts every identity in.
import { parseResource } from "./resources";
import type { AccessGrant, AccessQuery, GrantRule, GrantVia, SubjectRef, WhoCanSubject } from "./types";

const SA_USER_PREFIX = "system:serviceaccount:";

/** A request as the authorizer sees it, parsed once per query. */
export interface Request {
  verb: string;
  /** Non-resource request path; undefined for a resource request. */
  path?: string;
  group: string;
  /** "pods" or "pods/exec" */
  combined: string;
  subresource: string;
  namespace?: string;
  name?: string;
  includeNamed: boolean;
  /** Neither a resource nor a URL: nothing matches. */
  empty: boolean;
}

export function toRequest(q: AccessQuery): Request {
  const base = { verb: q.verb, namespace: q.namespace || undefined, name: q.name || undefined, includeNamed: q.includeNamed === true };
  if (q.nonResourceURL) return { ...base, path: q.nonResourceURL, group: "", combined: "", subresource: "", namespace: undefined, empty: false };
  if (!q.resource) return { ...base, group: "", combined: "", subresource: "", empty: true };
  const p = parseResource(q.resource);
  const sub = p.subresource ?? "";
  return {
    ...base,
    group: q.apiGroup ?? p.group,
    combined: sub ? `${p.resource}/${sub}` : p.resource,
    subresource: sub,
    empty: false,
  };
}

function verbMatches(rule: GrantRule, verb: string): boolean {
  for (const v of rule.verbs) if (v === "*" || v === verb) return true;
  return false;
}

function groupMatches(rule: GrantRule, group: string): boolean {
  for (const g of rule.apiGroups) if (g === "*" || g === group) return true;
  return false;
}

function resourceMatches(rule: GrantRule, combined: string, sub: string): boolean {
  for (const r of rule.resources) {
    if (r === "*" || r === combined) return true;
    // "*/scale" grants the scale subresource of every resource; "pods/*" is not expanded.
    if (sub && r.length === sub.length + 2 && r.startsWith("*/") && r.endsWith(sub)) return true;
  }
  return false;
}

function nameMatches(rule: GrantRule, req: Request): boolean {
  if (rule.resourceNames.length === 0) return true;
  if (req.name === undefined) return req.includeNamed;
  return rule.resourceNames.includes(req.name);
}

function urlMatches(rule: GrantRule, path: string): boolean {
  for (const u of rule.nonResourceURLs) {
    if (u === "*" || u === path) return true;
    if (u.endsWith("*") && path.startsWith(u.replace(/\*+$/, ""))) return true;
  }
  return false;
}

export function allows(g: Pick<AccessGrant, "rule" | "scope" | "bindingKind">, req: Request): boolean {
  if (req.empty) return false;
  const rule = g.rule;
  if (req.path !== undefined) {
    // Non-resource URLs are granted by ClusterRoleBindings only.
    return g.bindingKind === "ClusterRoleBinding" && verbMatches(rule, req.verb) && urlMatches(rule, req.path);
  }
  // A RoleBinding answers only requests in its own namespace (never cluster-wide or cluster-scoped ones).
  if (g.bindingKind === "RoleBinding" && (req.namespace === undefined || req.namespace !== g.scope)) return false;
  return ruleAllows(rule, req);
}

/** The rule alone (RuleAllows), wherever it is bound. */
export function ruleAllows(rule: GrantRule, req: Request): boolean {
  if (req.empty) return false;
  if (req.path !== undefined) return verbMatches(rule, req.verb) && urlMatches(rule, req.path);
  return verbMatches(rule, req.verb) && groupMatches(rule, req.group) && resourceMatches(rule, req.combined, req.subresource) && nameMatches(rule, req);
}

// grantAllows is called per grant after a database prefilter: parse each distinct query once.
const requestCache = new Map<string, Request>();

function cachedRequest(q: AccessQuery): Request {
  const k = JSON.stringify([q.verb, q.resource, q.apiGroup, q.namespace, q.name, q.nonResourceURL, q.includeNamed]);
  let req = requestCache.get(k);
  if (!req) {
    if (requestCache.size > 256) requestCache.clear();
    requestCache.set(k, (req = toRequest(q)));
  }
  return req;
}

/** Whether one grant allows the request, exactly as the RBAC authorizer decides. */
export function grantAllows(grant: Pick<AccessGrant, "rule" | "scope" | "bindingKind">, q: AccessQuery): boolean {
  return allows(grant, cachedRequest(q));
}

export function grantToVia(g: AccessGrant, viaGroup?: string): GrantVia {
  const v: GrantVia = {
    binding: g.bindingName,
    bindingKind: g.bindingKind,
    role: g.roleName,
    roleKind: g.roleKind,
    ruleIndex: g.ruleIndex,
    rule: g.rule,
    builtIn: g.builtIn,
  };
  if (g.bindingNamespace !== undefined) v.bindingNamespace = g.bindingNamespace;
  if (g.ruleSource !== undefined) v.ruleSource = g.ruleSource;
  if (g.scope !== undefined) v.scope = g.scope;
  if (viaGroup !== undefined) v.viaGroup = viaGroup;
  return v;
}

/** A User named system:serviceaccount:NS:NAME is that service account. */
export function normalizeSubject(s: SubjectRef): SubjectRef {
  if (s.kind === "User" && s.name.startsWith(SA_USER_PREFIX)) {
    const rest = s.name.slice(SA_USER_PREFIX.length);
    const colon = rest.indexOf(":");
    if (colon > 0 && colon < rest.length - 1) return { kind: "ServiceAccount", namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
  }
  if (s.kind === "ServiceAccount") return { kind: "ServiceAccount", namespace: s.namespace ?? "", name: s.name };
  return { kind: s.kind, name: s.name };
}

/** "ServiceAccount/ns/name", "User//alice": a map key. */
export function subjectKey(s: SubjectRef): string {
  return `${s.kind}/${s.namespace ?? ""}/${s.name}`;
}

export function compareSubjects(a: SubjectRef, b: SubjectRef): number {
  return cmp(a.kind, b.kind) || cmp(a.namespace ?? "", b.namespace ?? "") || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ClusterRoleBindings first, then by binding namespace, binding name and rule. */
export function compareVias(a: GrantVia, b: GrantVia): number {
  return (
    (a.bindingKind === b.bindingKind ? 0 : a.bindingKind === "ClusterRoleBinding" ? -1 : 1) ||
    cmp(a.bindingNamespace ?? "", b.bindingNamespace ?? "") ||
    cmp(a.binding, b.binding) ||
    a.ruleIndex - b.ruleIndex ||
    cmp(a.viaGroup ?? "", b.viaGroup ?? "")
  );
}

/**
 * Subjects whose grants allow the request, each with every grant that allows it, sorted by kind,
 * namespace and name. Subjects are listed as bound: a Group is a subject of its own.
 */
export function whoCan(grants: Iterable<AccessGrant>, q: AccessQuery): WhoCanSubject[] {
  const req = toRequest(q);
  const out = new Map<string, WhoCanSubject>();
  if (req.empty) return [];
  for (const g of grants) {
    if (!allows(g, req)) continue;
    const s = normalizeSubject(g.subject);
    const k = subjectKey(s);
    let hit = out.get(k);
    if (!hit) out.set(k, (hit = { ...s, via: [] }));
    hit.via.push(grantToVia(g));
  }
  const list = [...out.values()].sort(compareSubjects);
  for (const s of list) s.via.sort(compareVias);
  return list;
}

/** The groups Kubernetes' authenticators put an identity in, beyond those a token names. */
export function implicitGroups(subject: SubjectRef): string[] {
  const s = normalizeSubject(subject);
  if (s.kind === "ServiceAccount") return ["system:serviceaccounts", `system:serviceaccounts:${s.namespace ?? ""}`, "system:authenticated"];
  if (s.kind === "User") return s.name === "system:anonymous" ? ["system:unauthenticated"] : ["system:authenticated"];
  return [];
}

/** What a subject holds: its own grants plus those of its implicit groups (viaGroup set). */
export function subjectGrants(grants: Iterable<AccessGrant>, subject: SubjectRef): GrantVia[] {
  const s = normalizeSubject(subject);
  const key = subjectKey(s);
  const groups = new Set(implicitGroups(s));
  const out: GrantVia[] = [];
  for (const g of grants) {
    const gs = g.subject;
    if (gs.kind === "Group") {
      if (s.kind === "Group" && gs.name === s.name) out.push(grantToVia(g));
      else if (groups.has(gs.name)) out.push(grantToVia(g, gs.name));
    } else if (gs.kind === s.kind || gs.kind === "User") {
      if (subjectKey(normalizeSubject(gs)) === key) out.push(grantToVia(g));
    }
  }
  // Its own grants first: capabilities name the first via that gives them.
  return out.sort((a, b) => (a.viaGroup === undefined ? 0 : 1) - (b.viaGroup === undefined ? 0 : 1) || compareVias(a, b));
}
