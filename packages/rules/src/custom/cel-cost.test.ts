import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { snapshotFromManifests } from "../manifests/snapshot";
import type { KubeObject } from "../types";
import { CEL_COST_LIMIT_PER_OBJECT, CEL_COST_LIMIT_PER_SCAN } from "./cel-cost";
import { compileCustomRule, type CustomRuleDef } from "./compile-custom-rule";

const def = (id: string, expression: string, kinds = ["ConfigMap"]): CustomRuleDef => ({
  id,
  title: id,
  severity: "low",
  kinds,
  expression,
  message: "{{name}}",
  remediation: "none",
});
const items = (n: number) => Array.from({ length: n }, () => "a").join(",");
const cm = (name: string, data: Record<string, string>): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data });

function run(d: CustomRuleDef, objects: KubeObject[], costLimits?: { perObject?: number; perScan?: number }) {
  const c = compileCustomRule(d, costLimits ? { costLimits } : {});
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const r = evaluate(snapshotFromManifests(objects, []), { onlyRules: [d.id], extraRules: [c.rule] });
  return { findings: r.findings, status: r.rules.find((s) => s.id === d.id)! };
}

describe("CEL cost limit", () => {
  it("refuses at compile time a nested comprehension over split() (the quadratic bomb)", () => {
    const c = compileCustomRule(
      def("custom-bomb", 'has(object.data) && object.data.items.split(",").all(x, object.data.items.split(",").all(y, x == y))'),
    );
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.errors[0]!.message).toMatch(/estimated cost [\d,]+ exceeds the CEL cost limit of 1,000,000 steps per object/);
  });

  it("keeps ordinary rules, including two nested comprehensions over container lists", () => {
    for (const e of [
      'object.spec.template.spec.containers.all(c, c.env.all(e, !e.value.contains("password")))',
      "object.spec.template.spec.containers.all(c, object.spec.template.spec.containers.exists(d, d.name == c.name))",
      'object.data.items.split(",").all(x, x == "a")',
      'object.spec.template.spec.containers.map(c, c.image).filter(i, i.startsWith("docker.io")).size() > 0',
    ]) {
      const c = compileCustomRule(def("custom-ok", e));
      expect(c.ok, e).toBe(true);
    }
  });

  it("stops a rule that passes the estimate but not the meter: not evaluated, naming the limit", () => {
    // One level over 10,000 items, each reading the 20 KB string again: ~20M steps on this object.
    const { status, findings } = run(def("custom-wide", 'object.data.items.split(",").all(x, object.data.items.contains(x))'), [
      cm("big", { items: items(10_000) }),
      cm("small", { items: "b" }),
    ]);
    expect(status).toMatchObject({ status: "not-evaluated", findings: 0 });
    expect(status.reason).toBe(`CEL cost limit of ${CEL_COST_LIMIT_PER_OBJECT.toLocaleString("en-US")} steps per object exceeded on ConfigMap default/big`);
    expect(findings).toEqual([]);
  });

  it("ends the evaluation even when the expression would absorb the error (|| true)", () => {
    const { status } = run(def("custom-absorb", 'object.data.items.split(",").all(x, object.data.items.contains(x)) || true'), [cm("big", { items: items(10_000) })]);
    expect(status.status).toBe("not-evaluated");
    expect(status.reason).toMatch(/CEL cost limit/);
  });

  it("stops a rule over many objects at the per-scan limit", () => {
    // ~3.2k steps per object, under the per-object limit; 100 objects pass a 100k per-scan limit
    // (the default's 20M is the same arithmetic, 1,000 such objects of 10,000 items).
    const objs = Array.from({ length: 100 }, (_, i) => cm(`cm-${i}`, { items: items(1000) }));
    const { status } = run(def("custom-many", 'object.data.items.split(",").all(x, x == "a")'), objs, { perScan: 100_000 });
    expect(status.status).toBe("not-evaluated");
    expect(status.reason).toMatch(/^CEL cost limit of 100,000 steps per scan exceeded after \d+ objects$/);
    expect(CEL_COST_LIMIT_PER_SCAN).toBe(20_000_000);
  });

  it("bounds all custom rules of one evaluation together", () => {
    // Each rule spends ~5.2k steps per object (two objects): the first fits in 15k, the second does not.
    const limits = { costLimits: { allRules: 15_000 } };
    const a = compileCustomRule(def("custom-a", 'object.data.items.split(",").all(x, x == "a")'), limits);
    const b = compileCustomRule(def("custom-b", 'object.data.items.split(",").exists(x, x == "b")'), limits);
    if (!a.ok || !b.ok) throw new Error("both compile");
    const snap = snapshotFromManifests([cm("one", { items: items(1000) }), cm("two", { items: items(1000) })], []);
    const r = evaluate(snap, { onlyRules: ["custom-a", "custom-b"], extraRules: [a.rule, b.rule] });
    const status = (id: string) => r.rules.find((x) => x.id === id)!;
    expect(status("custom-a")).toMatchObject({ status: "failed", findings: 2 });
    expect(status("custom-b").status).toBe("not-evaluated");
    expect(status("custom-b").reason).toMatch(/^CEL cost limit of 15,000 steps per scan for all custom rules together exceeded after \d objects$/);
  });

  it("charges replace() its worst case before it allocates", () => {
    // 5,000 × 5,000 characters would be built; refused before the call.
    const { status } = run(def("custom-grow", 'object.data.s.replace("a", object.data.s).size() > 0'), [cm("x", { s: "a".repeat(5000) })]);
    expect(status.status).toBe("not-evaluated");
    expect(status.reason).toMatch(/CEL cost limit/);
  });

  it("leaves a normal rule's result unchanged", () => {
    const { status, findings } = run(def("custom-has-a", 'object.data.items.split(",").exists(x, x == "b")'), [cm("one", { items: "a,b" }), cm("two", { items: items(100) })]);
    expect(status.status).toBe("failed");
    expect(findings.map((f) => f.object.name)).toEqual(["one"]);
  });
});
