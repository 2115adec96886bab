import { describe, expect, it } from "vitest";
import { buildIndex } from "../engine/snapshot-index";
import type { KubeObject, RuleContext, Snapshot } from "../types";
import { ruleGrants, EXEC_ATTACH, READ_ANY_SECRET, READ_SECRETS } from "./rbac";
import { serviceAccountPower } from "./rbac-power";

function ctxOf(objects: KubeObject[]): RuleContext {
  const snapshot: Snapshot = { source: "manifests", objects, kinds: [], kindsComplete: false };
  return { snapshot, index: buildIndex(snapshot), params: {} };
}
const G = "rbac.authorization.k8s.io";
const clusterRole = (name: string, rules: unknown[]) => ({ apiVersion: `${G}/v1`, kind: "ClusterRole", metadata: { name }, rules }) as KubeObject;
const role = (ns: string, name: string, rules: unknown[]) => ({ apiVersion: `${G}/v1`, kind: "Role", metadata: { name, namespace: ns }, rules }) as KubeObject;
const crb = (name: string, roleName: string, sa: [string, string]) =>
  ({ apiVersion: `${G}/v1`, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: G, kind: "ClusterRole", name: roleName }, subjects: [{ kind: "ServiceAccount", namespace: sa[0], name: sa[1] }] }) as KubeObject;
const rb = (ns: string, name: string, roleKind: string, roleName: string, sa: [string, string]) =>
  ({ apiVersion: `${G}/v1`, kind: "RoleBinding", metadata: { name, namespace: ns }, roleRef: { apiGroup: G, kind: roleKind, name: roleName }, subjects: [{ kind: "ServiceAccount", namespace: sa[0], name: sa[1] }] }) as KubeObject;
const names = (l: KubeObject[]) => l.map((o) => o.metadata.name);

describe("ruleGrants: wildcards and resourceNames", () => {
  it("expands resource and subresource wildcards", () => {
    expect(ruleGrants({ apiGroups: [""], resources: ["*"], verbs: ["create"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: [""], resources: ["pods/*"], verbs: ["create"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: [""], resources: ["*/*"], verbs: ["create"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: [""], resources: ["pods/*"], verbs: ["create"] }, { verbs: ["create"], resources: [["", "pods"]] })).toBe(false);
    expect(ruleGrants({ apiGroups: [""], resources: ["deployments/*"], verbs: ["create"] }, EXEC_ATTACH)).toBe(false);
    expect(ruleGrants({ apiGroups: [""], resources: ["pod/*"], verbs: ["create"] }, EXEC_ATTACH)).toBe(false);
  });
  it("counts named grants only when the check includes them; \"*\" names every object", () => {
    const namedRule = { apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["a", "b", "c"] };
    expect(ruleGrants(namedRule, READ_SECRETS)).toBe(true);
    expect(ruleGrants(namedRule, READ_ANY_SECRET)).toBe(false);
    expect(ruleGrants({ ...namedRule, resourceNames: ["*"] }, READ_ANY_SECRET)).toBe(true);
    expect(ruleGrants({ ...namedRule, resourceNames: [] }, READ_ANY_SECRET)).toBe(true);
  });
});

describe("serviceAccountPower", () => {
  it("finds cluster-admin equivalence with the bindings that grant it", () => {
    const ctx = ctxOf([
      crb("ctrl-admin", "cluster-admin", ["ops", "ctrl"]),
      clusterRole("escalator", [{ apiGroups: [G], resources: ["clusterroles"], verbs: ["escalate", "update"] }]),
      crb("ctrl-escalate", "escalator", ["ops", "ctrl"]),
    ]);
    const p = serviceAccountPower(ctx, "ops", "ctrl");
    expect(p.clusterAdminEquivalent.map((g) => g.why)).toEqual([
      "can do anything (every verb on every resource) cluster-wide",
      "can bind or escalate roles, granting itself any permission cluster-wide",
    ]);
    expect(names(p.clusterAdminEquivalent[0]!.bindings)).toEqual(["ctrl-admin"]);
    expect(p.readsSecrets).toEqual({ scope: "cluster", bindings: [expect.objectContaining({ metadata: { name: "ctrl-admin" } })] });
    expect(serviceAccountPower(ctx, "ops", "ctrl")).toBe(p);
    expect(serviceAccountPower(ctx, "ops", "other")).toEqual({ clusterAdminEquivalent: [], readsSecrets: undefined });
  });

  it("counts workloads, tokens and impersonation in kube-system but not in an ordinary namespace", () => {
    const maker = [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"] }];
    const ctx = ctxOf([
      role("kube-system", "deployer", maker),
      rb("kube-system", "deployer", "Role", "deployer", ["ci", "bot"]),
      role("shop", "deployer", maker),
      rb("shop", "deployer", "Role", "deployer", ["ci", "app"]),
      clusterRole("tokens", [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }]),
      crb("tokens", "tokens", ["ci", "minter"]),
      clusterRole("one-token", [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"], resourceNames: ["vault-auth"] }]),
      crb("one-token", "one-token", ["ci", "vault"]),
      clusterRole("kubelet-api", [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }]),
      rb("shop", "kubelet-api", "ClusterRole", "kubelet-api", ["ci", "app"]),
      crb("kubelet-api", "kubelet-api", ["mon", "agent"]),
    ]);
    expect(serviceAccountPower(ctx, "ci", "bot").clusterAdminEquivalent).toEqual([
      { why: "can create or change workloads, running pods as any service account in kube-system", bindings: [expect.objectContaining({ kind: "RoleBinding" })] },
    ]);
    // A namespace's deployer and a RoleBinding of a cluster-scoped resource give no takeover.
    expect(serviceAccountPower(ctx, "ci", "app").clusterAdminEquivalent).toEqual([]);
    expect(serviceAccountPower(ctx, "ci", "minter").clusterAdminEquivalent.map((g) => g.why)).toEqual(["can mint tokens for any service account cluster-wide"]);
    expect(serviceAccountPower(ctx, "ci", "vault").clusterAdminEquivalent).toEqual([]);
    expect(serviceAccountPower(ctx, "mon", "agent").clusterAdminEquivalent.map((g) => g.why)).toEqual(["can reach every kubelet's API (nodes/proxy), exec into any pod cluster-wide"]);
  });

  it("reports Secrets read per namespace and ignores named Secrets", () => {
    const ctx = ctxOf([
      role("shop", "reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }]),
      rb("shop", "reader", "Role", "reader", ["shop", "web"]),
      role("billing", "reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"] }]),
      rb("billing", "reader", "Role", "reader", ["shop", "web"]),
      role("shop", "tls", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["a", "b", "c"] }]),
      rb("shop", "tls", "Role", "tls", ["shop", "api"]),
      rb("shop", "edit", "ClusterRole", "edit", ["shop", "ops"]),
    ]);
    const web = serviceAccountPower(ctx, "shop", "web").readsSecrets!;
    expect(web.scope).toEqual(["billing", "shop"]);
    expect(web.bindings.map((b) => b.metadata.namespace)).toEqual(["billing", "shop"]);
    expect(serviceAccountPower(ctx, "shop", "api").readsSecrets).toBeUndefined();
    // The built-in edit role reads Secrets; namespace edit is not cluster takeover.
    expect(serviceAccountPower(ctx, "shop", "ops")).toMatchObject({ clusterAdminEquivalent: [], readsSecrets: { scope: ["shop"] } });
  });
});
