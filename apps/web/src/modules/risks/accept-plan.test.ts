import { describe, expect, it } from "vitest";
import { acceptPlan, type TAcceptCandidate } from "./accept-plan";

const f = (id: string, over: Partial<TAcceptCandidate> = {}): TAcceptCandidate => ({
  id, ruleId: "privileged-container", clusterId: "c1", kind: "Deployment", namespace: "shop", name: "catalog", status: "open", exceptionId: null, ...over,
});

describe("accepting a risk", () => {
  it("asks for one exception per rule and object, scoped to the object in the risk's cluster", () => {
    const plan = acceptPlan([f("a"), f("b", { ruleId: "host-pid" }), f("c", { kind: "ClusterRoleBinding", namespace: null, name: "catalog-admin", ruleId: "rbac-cluster-admin" })]);
    expect(plan).toEqual([
      { findingId: "a", ruleId: "privileged-container", clusterId: "c1", namespace: "shop", kind: "Deployment", name: "catalog" },
      { findingId: "b", ruleId: "host-pid", clusterId: "c1", namespace: "shop", kind: "Deployment", name: "catalog" },
      { findingId: "c", ruleId: "rbac-cluster-admin", clusterId: "c1", namespace: "", kind: "ClusterRoleBinding", name: "catalog-admin" },
    ]);
  });
  it("one exception covers two findings of one rule on one object", () => {
    expect(acceptPlan([f("a"), f("b")]).map((s) => s.findingId)).toEqual(["a"]);
  });
  it("leaves out findings that need none: covered, resolved, expected for the platform", () => {
    expect(acceptPlan([f("a", { exceptionId: "e1", status: "excepted" }), f("b", { status: "resolved", ruleId: "r2" }), f("c", { baselineId: "kube-proxy", ruleId: "r3" }), f("d", { status: "in_progress", ruleId: "r4" })]).map((s) => s.findingId)).toEqual(["d"]);
  });
});
