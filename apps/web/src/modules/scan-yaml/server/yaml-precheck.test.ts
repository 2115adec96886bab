import { describe, expect, it } from "vitest";
import { MAX_YAML_DEPTH, precheckYaml } from "./yaml-precheck";

const nestedMap = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i * 2)}k${i}:`).join("\n") + " x\n";

describe("precheckYaml", () => {
  it("accepts ordinary manifests, block scalars with deep indentation, and comments", () => {
    const doc = `apiVersion: v1
kind: ConfigMap
metadata: {name: a, labels: {app: "x[y"}}   # a [ in a comment
data:
  script: |
${Array.from({ length: 300 }, (_, i) => `    ${" ".repeat(i)}echo ${i}`).join("\n")}
  other: 'it''s {not} flow'
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: b}
spec:
  template:
    spec:
      containers:
        - name: c
          args: ["--a", "--b"]
`;
    expect(precheckYaml(doc)).toBeUndefined();
    expect(precheckYaml(nestedMap(MAX_YAML_DEPTH))).toBeUndefined();
  });

  it("refuses block nesting past the limit, naming it and the line", () => {
    expect(precheckYaml(nestedMap(MAX_YAML_DEPTH + 1))).toBe(`The YAML nests deeper than ${MAX_YAML_DEPTH} levels (line ${MAX_YAML_DEPTH + 1}); no Kubernetes object needs that.`);
  });

  it('refuses "- - - -" sequences on one line and deep flow brackets (JSON too)', () => {
    expect(precheckYaml(`${"- ".repeat(5000)}x`)).toMatch(/nests deeper than 100 levels \(line 1\)/);
    expect(precheckYaml(`a: ${"[".repeat(150)}${"]".repeat(150)}`)).toMatch(/nests deeper/);
    expect(precheckYaml(`${'{"a":'.repeat(120)}1${"}".repeat(120)}`)).toMatch(/nests deeper/);
    // Brackets inside quotes are text.
    expect(precheckYaml(`a: "${"[".repeat(500)}"`)).toBeUndefined();
  });
});
