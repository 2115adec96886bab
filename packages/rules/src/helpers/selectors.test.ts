import { describe, expect, it } from "vitest";
import { buildIndex } from "../engine/snapshot-index";
import type { KubeObject, RuleContext, Snapshot } from "../types";
import { isEmptyLabelSelector, mapSelectorMatches, selectorMatches, workloadLabelsIn } from "./selectors";

describe("selectorMatches", () => {
  const labels = { app: "api", tier: "backend" };
  it("matchLabels must all match", () => {
    expect(selectorMatches({ matchLabels: { app: "api" } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: "api", env: "prod" } }, labels)).toBe(false);
  });
  it("matchExpressions operators", () => {
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["backend"] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod"] }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "Exists" }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "app", operator: "Bogus" }] }, labels)).toBe(false);
  });
  it("empty and absent selectors", () => {
    expect(selectorMatches({}, labels)).toBe(false);
    expect(selectorMatches({}, labels, true)).toBe(true);
    expect(selectorMatches(undefined, labels, true)).toBe(false);
  });
  it("map selectors select nothing when empty", () => {
    expect(mapSelectorMatches({ app: "api" }, labels)).toBe(true);
    expect(mapSelectorMatches({}, labels)).toBe(false);
    expect(mapSelectorMatches({ app: "web" }, labels)).toBe(false);
  });
});

describe("isEmptyLabelSelector", () => {
  it("absent, {} and empty lists are empty; any term is not", () => {
    expect(isEmptyLabelSelector(undefined)).toBe(true);
    expect(isEmptyLabelSelector({})).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: { app: "api" } })).toBe(false);
    expect(isEmptyLabelSelector({ matchExpressions: [{ key: "app", operator: "Exists" }] })).toBe(false);
  });
});

describe("workloadLabelsIn", () => {
  function ctxOf(objects: KubeObject[]): RuleContext {
    const snapshot: Snapshot = { source: "manifests", objects, kinds: [], kindsComplete: false };
    return { snapshot, index: buildIndex(snapshot), params: {} };
  }
  const deploy = (name: string, ns: string | undefined, labels: Record<string, string>): KubeObject =>
    ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, ...(ns ? { namespace: ns } : {}) },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "c", image: "x:1" }] } } },
    }) as KubeObject;

  it("groups pod-template labels by namespace, an unset namespace as default", () => {
    const ctx = ctxOf([deploy("a", "shop", { app: "a" }), deploy("b", undefined, { app: "b" }), deploy("c", "shop", { app: "c" })]);
    expect(workloadLabelsIn(ctx, "shop")).toEqual([{ app: "a" }, { app: "c" }]);
    expect(workloadLabelsIn(ctx, "default")).toEqual([{ app: "b" }]);
    expect(workloadLabelsIn(ctx, "other")).toEqual([]);
  });
});
