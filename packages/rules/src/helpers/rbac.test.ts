import { describe, expect, it } from "vitest";
import { buildIndex } from "../engine/snapshot-index";
import type { KubeObject, RuleContext, Snapshot } from "../types";
import { EXEC_ATTACH, READ_SECRETS, findGrant, grantedRules, isAdminRule, rbacIndex, ruleGrants } from "./rbac";

function ctxOf(objects: KubeObject[]): RuleContext {
  const snapshot: Snapshot = { source: "manifests", objects, kinds: [], kindsComplete: false };
  return { snapshot, index: buildIndex(snapshot), params: {} };
}
const G = "rbac.authorization.k8s.io";
const cr = (name: string, rules: unknown[], extra: Record<string, unknown> = {}, labels?: Record<string, string>): KubeObject =>
  ({ apiVersion: `${G}/v1`, kind: "ClusterRole", metadata: { name, labels }, rules, ...extra }) as KubeObject;

describe("ruleGrants", () => {
  it("matches exact, wildcard and */subresource grants", () => {
    expect(ruleGrants({ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: ["*"], resources: ["*"], verbs: ["get"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: [""], resources: ["*/attach"], verbs: ["*"] }, EXEC_ATTACH)).toBe(true);
    expect(ruleGrants({ apiGroups: ["apps"], resources: ["pods/exec"], verbs: ["create"] }, EXEC_ATTACH)).toBe(false);
    expect(ruleGrants({ apiGroups: [""], resources: ["pods/exec"], verbs: ["list"] }, EXEC_ATTACH)).toBe(false);
    expect(ruleGrants({ apiGroups: [""], resources: ["pods"], verbs: ["create"] }, EXEC_ATTACH)).toBe(false);
  });
  it("can ignore grants limited by resourceNames", () => {
    const r = { apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["tls"] };
    expect(ruleGrants(r, READ_SECRETS)).toBe(true);
    expect(ruleGrants(r, { ...READ_SECRETS, includeNamed: false })).toBe(false);
  });
  it("recognises admin-equivalent rules", () => {
    expect(isAdminRule({ apiGroups: ["*"], resources: ["*"], verbs: ["*"] })).toBe(true);
    expect(isAdminRule({ apiGroups: ["*"], resources: ["*"], verbs: ["delete", "patch", "update", "create", "watch", "list", "get"] })).toBe(true);
    expect(isAdminRule({ apiGroups: ["*"], resources: ["*"], verbs: ["get", "list"] })).toBe(false);
    expect(isAdminRule({ apiGroups: [""], resources: ["*"], verbs: ["*"] })).toBe(false);
  });
});

describe("rbacIndex", () => {
  const objects: KubeObject[] = [
    cr("monitoring", [], { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: "agg/monitoring", operator: "Exists" }] }] } }),
    cr("monitoring-secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list"] }], {}, { "agg/monitoring": "true" }),
    cr("unrelated", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }], {}, { other: "x" }),
    { apiVersion: `${G}/v1`, kind: "ClusterRoleBinding", metadata: { name: "mon" }, roleRef: { apiGroup: G, kind: "ClusterRole", name: "monitoring" }, subjects: [{ kind: "ServiceAccount", name: "prom", namespace: "monitoring" }] } as KubeObject,
    { apiVersion: `${G}/v1`, kind: "RoleBinding", metadata: { name: "all-sa", namespace: "shop" }, roleRef: { apiGroup: G, kind: "ClusterRole", name: "edit" }, subjects: [{ kind: "Group", name: "system:serviceaccounts:shop" }] } as KubeObject,
    { apiVersion: `${G}/v1`, kind: "RoleBinding", metadata: { name: "user-sa", namespace: "shop" }, roleRef: { apiGroup: G, kind: "Role", name: "gone" }, subjects: [{ kind: "User", name: "system:serviceaccount:shop:ci" }] } as KubeObject,
  ];

  it("expands aggregated ClusterRoles by label selector", () => {
    const idx = rbacIndex(ctxOf(objects));
    const mon = idx.bindings.find((b) => b.binding.metadata.name === "mon")!;
    expect(findGrant(mon.rules, READ_SECRETS)).toBeGreaterThanOrEqual(0);
    expect(findGrant(mon.rules, EXEC_ATTACH)).toBe(-1);
  });

  it("reads an empty aggregation selector as every ClusterRole, labelled or not, as the controller does", () => {
    const all = cr("everything", [], { aggregationRule: { clusterRoleSelectors: [{}] } });
    const plain = cr("plain", [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }]);
    const bound = { apiVersion: `${G}/v1`, kind: "ClusterRoleBinding", metadata: { name: "b" }, roleRef: { apiGroup: G, kind: "ClusterRole", name: "everything" }, subjects: [{ kind: "User", name: "u" }] } as KubeObject;
    const b = rbacIndex(ctxOf([all, plain, bound])).bindings[0]!;
    expect(findGrant(b.rules, EXEC_ATTACH)).toBeGreaterThanOrEqual(0);
  });

  it("maps service accounts to bindings through subjects, user names and groups", () => {
    const idx = rbacIndex(ctxOf(objects));
    expect(idx.bindingsForServiceAccount("monitoring", "prom").map((b) => b.binding.metadata.name)).toEqual(["mon"]);
    expect(idx.bindingsForServiceAccount("shop", "ci").map((b) => b.binding.metadata.name).sort()).toEqual(["all-sa", "user-sa"]);
    expect(idx.bindingsForServiceAccount("other", "ci")).toEqual([]);
  });

  it("falls back to the built-in roles and reports unknown ones as undefined", () => {
    const idx = rbacIndex(ctxOf(objects));
    const edit = idx.bindings.find((b) => b.binding.metadata.name === "all-sa")!;
    expect(edit.role).toBeUndefined();
    expect(findGrant(grantedRules(edit)!, EXEC_ATTACH)).toBeGreaterThanOrEqual(0);
    const gone = idx.bindings.find((b) => b.binding.metadata.name === "user-sa")!;
    expect(grantedRules(gone)).toBeUndefined();
  });

  it("is built once per evaluation index", () => {
    const ctx = ctxOf(objects);
    expect(rbacIndex(ctx)).toBe(rbacIndex(ctx));
    expect(rbacIndex(ctxOf(objects))).not.toBe(rbacIndex(ctx));
  });
});
