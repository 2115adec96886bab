import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { snapshotFromManifests } from "../manifests/snapshot";
import type { KubeObject } from "../types";
import { compileCustomRule, type CustomRuleDef } from "./compile-custom-rule";
import { tryCustomRule } from "./try-custom-rule";

const base: CustomRuleDef = {
  id: "custom-min-replicas",
  title: "Deployments run at least two replicas",
  severity: "medium",
  kinds: ["Deployment"],
  expression: 'object.kind == "Deployment" && object.spec.replicas < 2',
  message: "{{kind}} {{namespace}}/{{name}} runs fewer than 2 replicas",
  remediation: "Set spec.replicas to 2 or more.",
  path: "spec.replicas",
};

const deploy = (name: string, spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "shop", ...(labels ? { labels } : {}) },
  spec,
});

function run(def: CustomRuleDef, objects: KubeObject[]) {
  const c = compileCustomRule(def);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const snap = snapshotFromManifests(objects, []);
  const r = evaluate(snap, { onlyRules: [def.id], extraRules: [c.rule] });
  return { findings: r.findings, status: r.rules.find((s) => s.id === def.id)! };
}

describe("compileCustomRule", () => {
  it("flags objects for which the expression is true", () => {
    const { findings, status } = run(base, [deploy("one", { replicas: 1 }), deploy("three", { replicas: 3 })]);
    expect(status.status).toBe("failed");
    expect(findings.map((f) => f.object.name)).toEqual(["one"]);
    expect(findings[0]).toMatchObject({ ruleId: "custom-min-replicas", severity: "medium", path: "spec.replicas", message: "Deployment shop/one runs fewer than 2 replicas" });
  });

  it("sees integer fields as CEL int, as Kubernetes' CEL does", () => {
    const def: CustomRuleDef = { ...base, id: "custom-arith", expression: "object.spec.replicas + 1 <= 2 && object.spec.replicas * 2 == 2" };
    const { findings, status } = run(def, [deploy("one", { replicas: 1 }), deploy("two", { replicas: 2 })]);
    expect(status.status).toBe("failed");
    expect(findings.map((f) => f.object.name)).toEqual(["one"]);
  });

  it("uses has() for absent fields", () => {
    const def: CustomRuleDef = { ...base, id: "custom-team-label", expression: "has(object.metadata.labels.team) == false", kinds: ["Deployment"], path: "metadata.labels" };
    const { findings } = run(def, [deploy("a", {}, { team: "pay" }), deploy("b", {}, { app: "b" })]);
    expect(findings.map((f) => f.object.name)).toEqual(["b"]);
  });

  it("supports comprehensions and string functions", () => {
    const def: CustomRuleDef = {
      ...base,
      id: "custom-no-latest",
      expression: 'object.spec.template.spec.containers.exists(c, c.image.endsWith(":latest") || c.image.lowerAscii().contains("nightly"))',
    };
    const pod = (image: string) => ({ template: { spec: { containers: [{ name: "c", image }] } } });
    const { findings } = run(def, [deploy("a", pod("nginx:latest")), deploy("b", pod("nginx:1.25")), deploy("c", pod("app:NIGHTLY-3"))]);
    expect(findings.map((f) => f.object.name)).toEqual(["a", "c"]);
  });

  it("reports a syntax error with its position", () => {
    const c = compileCustomRule({ ...base, expression: 'object.kind ==\n  "Deployment" &&& true' });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors[0]!.message).toMatch(/syntax error/);
    expect(c.errors[0]!.line).toBe(2);
    expect(c.errors[0]!.column).toBeGreaterThan(1);
  });

  it("rejects unknown variables and functions with positions", () => {
    const c = compileCustomRule({ ...base, expression: 'objet.kind == "x" || frobnicate(object)' });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors.map((e) => e.message)).toEqual([expect.stringMatching(/undeclared reference to 'objet'/), expect.stringMatching(/unknown function 'frobnicate'/)]);
    expect(c.errors[0]).toMatchObject({ line: 1, column: 1 });
    expect(c.errors[1]!.column).toBeGreaterThan(20);
  });

  it("bounds expression cost statically", () => {
    const nested = compileCustomRule({ ...base, expression: "[1].all(a, [2].all(b, [3].all(c, a < b)))" });
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.errors[0]!.message).toMatch(/nested comprehensions/);
    const long = compileCustomRule({ ...base, expression: `object.kind == "${"x".repeat(5000)}"` });
    expect(long.ok).toBe(false);
  });

  it("enforces the custom- prefix and other fields", () => {
    const c = compileCustomRule({ ...base, id: "privileged-container", severity: "urgent" as never, kinds: [] });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.errors.map((e) => e.message).join("\n")).toMatch(/custom-[\s\S]*severity[\s\S]*kinds/);
  });

  it("turns a per-object runtime error into not evaluated, never a crash", () => {
    // replicas absent: CEL reports "no such key" for this object
    const { findings, status } = run(base, [deploy("no-replicas", {})]);
    expect(findings).toEqual([]);
    expect(status.status).toBe("not-evaluated");
    expect(status.reason).toMatch(/CEL error on 1 of 1 objects: Deployment shop\/no-replicas: .*replicas/);
  });

  it("still fails on violating objects when others could not be judged", () => {
    const { findings, status } = run(base, [deploy("no-replicas", {}), deploy("one", { replicas: 1 })]);
    expect(status.status).toBe("failed");
    expect(findings.map((f) => f.object.name)).toEqual(["one"]);
  });

  it("treats a non-bool result as an error", () => {
    const { status } = run({ ...base, expression: "object.kind" }, [deploy("a", { replicas: 1 })]);
    expect(status.status).toBe("not-evaluated");
    expect(status.reason).toMatch(/not a bool/);
  });
});

describe("tryCustomRule", () => {
  it("returns findings with lines and per-object errors on sample YAML", () => {
    const yaml = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: one, namespace: shop}",
      "spec:",
      "  replicas: 1",
      "---",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: unset, namespace: shop}",
      "spec: {}",
    ].join("\n");
    const r = tryCustomRule(base, yaml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings.map((f) => [f.object.name, f.location?.line])).toEqual([["one", 1]]);
    expect(r.objectErrors).toEqual([{ object: expect.objectContaining({ name: "unset" }), message: expect.stringMatching(/replicas/) }]);
    expect(r.status.status).toBe("failed");
  });

  it("returns compile errors instead of running", () => {
    const r = tryCustomRule({ ...base, expression: "object.spec.replicas <" }, "");
    expect(r.ok).toBe(false);
  });
});
