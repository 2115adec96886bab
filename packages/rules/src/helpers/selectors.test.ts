import { describe, expect, it } from "vitest";
import { mapSelectorMatches, selectorMatches } from "./selectors";

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
