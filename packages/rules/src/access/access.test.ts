// The access model's pure functions: resources, implicit groups, grant keys, diffs, rule text,
// capabilities, and who-can against a straightforward re-implementation of the Go authorizer.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import {
  buildAccessModel,
  capabilitiesOf,
  describeRule,
  diffGrants,
  grantToVia,
  implicitGroups,
  parseResource,
  subjectGrants,
  whoCan,
  type AccessGrant,
  type GrantRule,
  type GrantVia,
} from "../index";

const RBAC = "rbac.authorization.k8s.io/v1";

function clusterRole(name: string, rules: object[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: RBAC, kind: "ClusterRole", metadata: { name }, rules, ...extra };
}
function role(ns: string, name: string, rules: object[]): KubeObject {
  return { apiVersion: RBAC, kind: "Role", metadata: { name, namespace: ns }, rules };
}
function crb(name: string, roleName: string, subjects: object[]): KubeObject {
  return { apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName }, subjects };
}
function rb(ns: string, name: string, roleKind: "Role" | "ClusterRole", roleName: string, subjects: object[]): KubeObject {
  return { apiVersion: RBAC, kind: "RoleBinding", metadata: { name, namespace: ns }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: roleName }, subjects };
}
const user = (name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "User", name });

describe("parseResource", () => {
  it.each([
    ["pods", { group: "", resource: "pods" }],
    ["pods/exec", { group: "", resource: "pods", subresource: "exec" }],
    ["po/log", { group: "", resource: "pods", subresource: "log" }],
    ["deployments.apps", { group: "apps", resource: "deployments" }],
    ["deployments.apps/scale", { group: "apps", resource: "deployments", subresource: "scale" }],
    ["deployments", { group: "apps", resource: "deployments" }],
    ["deploy", { group: "apps", resource: "deployments" }],
    ["deployment", { group: "apps", resource: "deployments" }],
    ["deployments.v1.apps", { group: "apps", resource: "deployments" }],
    ["deployments.extensions", { group: "extensions", resource: "deployments" }],
    ["jobs", { group: "batch", resource: "jobs" }],
    ["cj", { group: "batch", resource: "cronjobs" }],
    ["roles", { group: "rbac.authorization.k8s.io", resource: "roles" }],
    ["clusterrolebindings", { group: "rbac.authorization.k8s.io", resource: "clusterrolebindings" }],
    ["netpol", { group: "networking.k8s.io", resource: "networkpolicies" }],
    ["networkpolicy", { group: "networking.k8s.io", resource: "networkpolicies" }],
    ["ing", { group: "networking.k8s.io", resource: "ingresses" }],
    ["sa", { group: "", resource: "serviceaccounts" }],
    ["serviceaccounts/token", { group: "", resource: "serviceaccounts", subresource: "token" }],
    ["csr", { group: "certificates.k8s.io", resource: "certificatesigningrequests" }],
    ["crontabs.stable.example.com", { group: "stable.example.com", resource: "crontabs" }],
    ["widgets", { group: "", resource: "widgets" }],
    ["constructor", { group: "", resource: "constructor" }],
    ["*", { group: "", resource: "*" }],
  ])("%s", (s, want) => {
    expect(parseResource(s)).toEqual(want);
  });
});

describe("implicitGroups", () => {
  it("service accounts, users, anonymous, groups", () => {
    expect(implicitGroups({ kind: "ServiceAccount", namespace: "shop", name: "web" })).toEqual(["system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"]);
    expect(implicitGroups({ kind: "User", name: "system:serviceaccount:ci:runner" })).toEqual(["system:serviceaccounts", "system:serviceaccounts:ci", "system:authenticated"]);
    expect(implicitGroups({ kind: "User", name: "alice" })).toEqual(["system:authenticated"]);
    expect(implicitGroups({ kind: "User", name: "system:anonymous" })).toEqual(["system:unauthenticated"]);
    expect(implicitGroups({ kind: "Group", name: "ops" })).toEqual([]);
  });

  it("a User named system:serviceaccount:NS:NAME holds that service account's grants", () => {
    const m = buildAccessModel([clusterRole("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), crb("b", "r", [{ kind: "ServiceAccount", name: "runner", namespace: "ci" }])]);
    expect(subjectGrants(m.grants, { kind: "User", name: "system:serviceaccount:ci:runner" }).map((v) => v.binding)).toEqual(["b"]);
    expect(subjectGrants(m.grants, { kind: "User", name: "system:serviceaccount:ci:other" })).toEqual([]);
  });
});

describe("grant keys", () => {
  const rules = [
    { apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] },
    { apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] },
  ];
  const objs = (r: object[]) => [clusterRole("r", r), crb("b", "r", [user("alice"), user("bob")]), rb("shop", "rb", "ClusterRole", "r", [user("alice")])];

  it("are short, unique and stable when rules (or their lists) are reordered", () => {
    const a = buildAccessModel(objs(rules));
    expect(a.grants).toHaveLength(6);
    expect(new Set(a.grants.map((g) => g.key)).size).toBe(6);
    for (const g of a.grants) expect(g.key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const b = buildAccessModel(objs([{ ...rules[1] }, { ...rules[0], verbs: ["list", "get"] }]));
    expect(b.grants.map((g) => g.key).sort()).toEqual(a.grants.map((g) => g.key).sort());
    expect(b.grants.find((g) => g.rule.resources[0] === "deployments")!.ruleIndex).toBe(0);
  });

  it("change with the rule content, the subject, the binding and the scope", () => {
    const a = buildAccessModel(objs(rules));
    const c = buildAccessModel(objs([rules[0]!, { ...rules[1], verbs: ["create", "delete"] }]));
    const { added, removedKeys } = diffGrants(a.grants, c.grants);
    expect(added.map((g) => `${g.bindingName}:${g.subject.name}:${g.rule.verbs.join(",")}`).sort()).toEqual(["b:alice:create,delete", "b:bob:create,delete", "rb:alice:create,delete"]);
    expect(removedKeys).toHaveLength(3);
    const scopes = new Set(a.grants.filter((g) => g.subject.name === "alice" && g.rule.resources[0] === "pods").map((g) => g.key));
    expect(scopes.size).toBe(2);
  });

  it("a rule repeated in a role or a subject listed twice makes one grant", () => {
    const m = buildAccessModel([clusterRole("r", [rules[0]!, rules[0]!]), crb("b", "r", [user("alice"), user("alice")])]);
    expect(m.grants).toHaveLength(1);
  });
});

describe("diffGrants", () => {
  it("added grants and removed keys", () => {
    const m = buildAccessModel([clusterRole("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), crb("b", "r", [user("alice"), user("bob")])]);
    const [alice, bob] = m.grants as [AccessGrant, AccessGrant];
    expect(diffGrants([], m.grants)).toEqual({ added: m.grants, removedKeys: [] });
    expect(diffGrants([{ key: alice.key }, { key: "gone" }], m.grants)).toEqual({ added: [bob], removedKeys: ["gone"] });
    expect(diffGrants(m.grants, m.grants)).toEqual({ added: [], removedKeys: [] });
    expect(diffGrants(m.grants, [])).toEqual({ added: [], removedKeys: [alice.key, bob.key] });
  });
});

describe("describeRule", () => {
  const r = (x: Partial<GrantRule>): GrantRule => ({ apiGroups: [], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...x });
  it.each([
    [r({ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }), "get,list secrets"],
    [r({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }), "* on *.*"],
    [r({ nonResourceURLs: ["/metrics"], verbs: ["get"] }), "get /metrics"],
    [r({ nonResourceURLs: ["*"], verbs: ["*"] }), "* on every non-resource URL (*)"],
    [r({ apiGroups: ["apps"], resources: ["deployments", "deployments/scale"], verbs: ["update"] }), "update deployments.apps,deployments.apps/scale"],
    [r({ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["db-creds"] }), "get secrets named db-creds"],
    [r({ apiGroups: ["", "apps"], resources: ["pods", "deployments"], verbs: ["get"] }), "get pods,deployments (core,apps)"],
  ])("%j", (rule, want) => {
    expect(describeRule(rule)).toBe(want);
  });
});

describe("capabilitiesOf", () => {
  function capsOf(rules: object[], where?: string): string[] {
    const objs = where ? [clusterRole("r", rules), rb(where, "b", "ClusterRole", "r", [user("u")])] : [clusterRole("r", rules), crb("b", "r", [user("u")])];
    const m = buildAccessModel(objs);
    return capabilitiesOf(m.grants.map((g) => grantToVia(g))).map((c) => `${c.level}:${c.id}${c.scope ? `@${c.scope}` : ""}`);
  }
  const R = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]) => ({ apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) });
  const rbacG = "rbac.authorization.k8s.io";

  it.each([
    ["* on * cluster-wide", [R(["*"], ["*"], ["*"])], undefined, ["admin:cluster-admin"]],
    ["* on * in a namespace", [R(["*"], ["*"], ["*"])], "shop", ["high:namespace-admin@shop"]],
    ["* on * in kube-system", [R(["*"], ["*"], ["*"])], "kube-system", ["admin:create-pods-kube-system@kube-system", "admin:create-tokens-kube-system@kube-system", "high:namespace-admin@kube-system"]],
    ["escalate", [R([rbacG], ["clusterroles"], ["escalate"])], undefined, ["admin:escalate"]],
    ["bind in a namespace", [R([rbacG], ["roles", "clusterroles"], ["bind"])], "shop", ["high:bind@shop"]],
    ["bind a named role", [R([rbacG], ["clusterroles"], ["bind"], ["admin"])], undefined, ["admin:bind"]],
    ["impersonate users", [R([""], ["users"], ["impersonate"])], undefined, ["admin:impersonate"]],
    ["nodes/proxy", [R([""], ["nodes/proxy"], ["get"])], undefined, ["admin:node-proxy"]],
    ["create pods everywhere", [R([""], ["pods"], ["create"])], undefined, ["admin:create-pods-kube-system"]],
    ["create deployments in kube-system", [R(["apps"], ["deployments"], ["create"])], "kube-system", ["admin:create-pods-kube-system@kube-system"]],
    ["create jobs in shop", [R(["batch"], ["jobs"], ["create"])], "shop", ["high:create-workloads@shop"]],
    ["patch a named deployment", [R(["apps"], ["deployments"], ["patch"], ["web"])], "shop", ["high:create-workloads@shop"]],
    ["create pods limited by name (never allowed)", [R([""], ["pods"], ["create"], ["x"])], "shop", []],
    ["tokens in kube-system", [R([""], ["serviceaccounts/token"], ["create"])], "kube-system", ["admin:create-tokens-kube-system@kube-system"]],
    ["tokens elsewhere", [R([""], ["serviceaccounts/token"], ["create"])], "shop", ["high:create-tokens@shop"]],
    ["read secrets", [R([""], ["secrets"], ["list"])], "shop", ["high:read-secrets@shop"]],
    ["named secrets", [R([""], ["secrets"], ["get"], ["a"])], "shop", []],
    ["exec", [R([""], ["pods/exec"], ["create"])], "shop", ["high:exec@shop"]],
    ["attach via */attach", [R([""], ["*/attach"], ["get"])], "shop", ["high:exec@shop"]],
    ["pods/* is not exec", [R([""], ["pods/*"], ["create", "get"])], "shop", []],
    ["manage rbac", [R([rbacG], ["rolebindings"], ["create"])], "shop", ["high:manage-rbac@shop"]],
    ["approve csr", [R(["certificates.k8s.io"], ["certificatesigningrequests/approval"], ["update"]), R(["certificates.k8s.io"], ["signers"], ["approve"], ["kubernetes.io/kube-apiserver-client"])], undefined, ["high:approve-csr"]],
    ["csr approval without a signer", [R(["certificates.k8s.io"], ["certificatesigningrequests/approval"], ["update"])], undefined, []],
    ["webhooks", [R(["admissionregistration.k8s.io"], ["mutatingwebhookconfigurations"], ["patch"])], undefined, ["high:manage-webhooks"]],
    ["port-forward", [R([""], ["pods/portforward"], ["create"])], "shop", ["medium:port-forward@shop"]],
    ["delete events", [R(["events.k8s.io"], ["events"], ["delete"])], "shop", ["medium:delete-events@shop"]],
    ["networking", [R(["networking.k8s.io"], ["networkpolicies"], ["delete"])], "shop", ["medium:manage-networking@shop"]],
    ["reading pods", [R([""], ["pods", "configmaps"], ["get", "list", "watch"])], undefined, []],
    ["non-resource only", [{ nonResourceURLs: ["*"], verbs: ["*"] }], undefined, []],
  ])("%s", (_name, rules, where, want) => {
    expect(capsOf(rules as object[], where as string | undefined)).toEqual(want);
  });

  it("one per id and scope; a cluster-wide capability hides namespaced ones; highest level first; one sentence why", () => {
    const m = buildAccessModel([
      clusterRole("secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }]),
      clusterRole("exec", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }, { apiGroups: [""], resources: ["pods/attach"], verbs: ["create"] }]),
      clusterRole("bind", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"] }]),
      crb("all-secrets", "secrets", [user("u")]),
      rb("a", "a-secrets", "ClusterRole", "secrets", [user("u")]),
      rb("a", "a-exec", "ClusterRole", "exec", [user("u")]),
      rb("b", "b-exec", "ClusterRole", "exec", [user("u")]),
      crb("bind", "bind", [user("u")]),
    ]);
    const caps = capabilitiesOf(subjectGrants(m.grants, { kind: "User", name: "u" }));
    expect(caps.map((c) => `${c.id}${c.scope ? `@${c.scope}` : ""}`)).toEqual(["bind", "read-secrets", "exec@a", "exec@b"]);
    expect(caps[1]!.via.binding).toBe("all-secrets");
    for (const c of caps) {
      expect(c.why).toMatch(/^can [^.]+$/);
      expect(c.title.length).toBeGreaterThan(0);
    }
    expect(caps[1]!.why).toBe("can read every Secret in every namespace, including service account tokens and credentials");
  });

  it("built-in edit (absent from the snapshot) in a namespace", () => {
    const m = buildAccessModel([rb("shop", "devs", "ClusterRole", "edit", [user("dev")])]);
    expect(m.grants.every((g) => g.ruleSource === "built-in")).toBe(true);
    const s = m.subjects.find((x) => x.ref.name === "dev")!;
    expect(s.capabilities.map((c) => c.id)).toEqual(["impersonate", "read-secrets", "create-tokens", "exec", "create-workloads", "port-forward", "delete-events", "manage-networking"]);
    expect(s.privilege).toBe("high");
    expect(m.counts).toEqual({ subjects: 1, bindings: 1, roles: 0, grants: m.grants.length, privileged: 1 });
    expect(m.stale).toEqual([]);
  });

  it("a subject inherits its implicit groups' capabilities", () => {
    const m = buildAccessModel([
      clusterRole("secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]),
      crb("everyone", "secrets", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:authenticated" }]),
      { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "shop" }, spec: { serviceAccountName: "web", containers: [] } },
    ]);
    const sa = m.subjects.find((x) => x.ref.kind === "ServiceAccount")!;
    expect(sa.ref).toEqual({ kind: "ServiceAccount", namespace: "shop", name: "web" });
    expect(sa.capabilities.map((c) => [c.id, c.via.viaGroup])).toEqual([["read-secrets", "system:authenticated"]]);
    expect(sa.exists).toBe(false);
    expect(sa.workloads).toEqual([{ kind: "Pod", namespace: "shop", name: "p" }]);
  });
});

// ---------------------------------------------------------------------------------------------
// who-can against an independent re-implementation of the Go authorizer's matching functions.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RefRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}
interface RefRequest {
  resourceRequest: boolean;
  verb: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  path: string;
}

// Transcribed from kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go and
// plugin/pkg/auth/authorizer/rbac/rbac.go (RuleAllows), Go semantics kept (empty strings, loops).
const ref = {
  verbMatches: (r: RefRule, v: string) => (r.verbs ?? []).some((x) => x === "*" || x === v),
  apiGroupMatches: (r: RefRule, g: string) => (r.apiGroups ?? []).some((x) => x === "*" || x === g),
  resourceMatches(r: RefRule, combined: string, sub: string): boolean {
    for (const x of r.resources ?? []) {
      if (x === "*") return true;
      if (x === combined) return true;
      if (sub.length === 0) continue;
      if (x.length === sub.length + 2 && x.startsWith("*/") && x.endsWith(sub)) return true;
    }
    return false;
  },
  resourceNameMatches(r: RefRule, name: string): boolean {
    const names = r.resourceNames ?? [];
    if (names.length === 0) return true;
    return names.includes(name);
  },
  nonResourceURLMatches(r: RefRule, url: string): boolean {
    for (const x of r.nonResourceURLs ?? []) {
      if (x === "*") return true;
      if (x === url) return true;
      if (x.endsWith("*") && url.startsWith(x.replace(/\*+$/, ""))) return true;
    }
    return false;
  },
  ruleAllows(req: RefRequest, r: RefRule): boolean {
    if (req.resourceRequest) {
      const combined = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
      return ref.verbMatches(r, req.verb) && ref.apiGroupMatches(r, req.apiGroup) && ref.resourceMatches(r, combined, req.subresource) && ref.resourceNameMatches(r, req.name);
    }
    return ref.verbMatches(r, req.verb) && ref.nonResourceURLMatches(r, req.path);
  },
};

describe("who-can agrees with the Go authorizer (random rules and requests)", () => {
  const rnd = mulberry32(1717);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T,>(xs: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs)))];

  const VERBS = ["get", "list", "create", "delete", "patch", "*"];
  const GROUPS = ["", "apps", "batch", "*"];
  const RESOURCES = ["pods", "pods/exec", "pods/*", "*", "*/exec", "*/scale", "deployments", "deployments/scale", "jobs", "*/*"];
  const NAMES: string[][] = [[], [], ["a"], ["a", "b"]];
  const URLS = ["/healthz", "/logs/*", "*", "/api", "/api/*"];
  const NAMESPACES = ["a", "b"];

  function randomRule(): RefRule {
    if (rnd() < 0.2) return { verbs: some(VERBS), nonResourceURLs: some(URLS) };
    const r: RefRule = { verbs: some(VERBS), apiGroups: some(GROUPS, 2), resources: some(RESOURCES) };
    const n = pick(NAMES);
    if (n.length) r.resourceNames = n;
    return r;
  }

  it("300 random clusters x 40 requests", () => {
    let allowedSeen = 0;
    let deniedSeen = 0;
    for (let round = 0; round < 300; round++) {
      const objects: KubeObject[] = [];
      const bindings: Array<{ kind: "RoleBinding" | "ClusterRoleBinding"; ns?: string; user: string; rules: RefRule[] }> = [];
      for (let i = 0; i < 4; i++) {
        const rules = Array.from({ length: 1 + Math.floor(rnd() * 3) }, randomRule);
        const u = `u${i}`;
        if (rnd() < 0.5) {
          objects.push(clusterRole(`cr${i}`, rules), crb(`crb${i}`, `cr${i}`, [user(u)]));
          bindings.push({ kind: "ClusterRoleBinding", user: u, rules });
        } else {
          const ns = pick(NAMESPACES);
          if (rnd() < 0.5) objects.push(role(ns, `r${i}`, rules), rb(ns, `rb${i}`, "Role", `r${i}`, [user(u)]));
          else objects.push(clusterRole(`cr${i}`, rules), rb(ns, `rb${i}`, "ClusterRole", `cr${i}`, [user(u)]));
          bindings.push({ kind: "RoleBinding", ns, user: u, rules });
        }
      }
      const model = buildAccessModel(objects);
      for (let q = 0; q < 40; q++) {
        const nonResource = rnd() < 0.2;
        const req: RefRequest = {
          resourceRequest: !nonResource,
          verb: pick(["get", "list", "create", "delete", "patch"]),
          apiGroup: pick(["", "apps", "batch"]),
          resource: pick(["pods", "deployments", "jobs"]),
          subresource: pick(["", "", "exec", "scale", "*"]),
          namespace: pick(["", "a", "b"]),
          name: pick(["", "a", "c"]),
          path: pick(["/healthz", "/logs/x", "/api", "/api/v1", "/healthzz", "/"]),
        };
        const want = new Set<string>();
        for (const b of bindings) {
          // A RoleBinding applies only to requests in its namespace (non-resource requests have none).
          if (b.kind === "RoleBinding" && (!req.resourceRequest || req.namespace !== b.ns)) continue;
          if (b.rules.some((r) => ref.ruleAllows(req, r))) want.add(b.user);
        }
        const sub = req.subresource ? `/${req.subresource}` : "";
        const answer = whoCan(
          model.grants,
          nonResource
            ? { verb: req.verb, nonResourceURL: req.path }
            : { verb: req.verb, resource: `${req.resource}${sub}`, apiGroup: req.apiGroup, namespace: req.namespace || undefined, name: req.name || undefined },
        );
        const got = new Set(answer.map((s) => s.name));
        expect([...got].sort(), JSON.stringify({ req, bindings })).toEqual([...want].sort());
        if (want.size) allowedSeen++;
        else deniedSeen++;
      }
    }
    // the random space exercises both answers
    expect(allowedSeen).toBeGreaterThan(1000);
    expect(deniedSeen).toBeGreaterThan(1000);
  });
});

describe("vias", () => {
  it("grantToVia keeps the path fields", () => {
    const m = buildAccessModel([clusterRole("r", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), rb("shop", "b", "ClusterRole", "r", [user("alice")])]);
    const v: GrantVia = grantToVia(m.grants[0]!, "system:authenticated");
    expect(v).toEqual({ binding: "b", bindingKind: "RoleBinding", bindingNamespace: "shop", role: "r", roleKind: "ClusterRole", ruleIndex: 0, rule: m.grants[0]!.rule, scope: "shop", builtIn: false, viaGroup: "system:authenticated" });
  });
});
