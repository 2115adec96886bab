import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules";
import type { Rule, RuleStatus } from "../types";
import { cisControls } from "./cis";
import { PSS_BASELINE, PSS_RESTRICTED_ONLY } from "./pss";
import { buildFrameworks, controlsForRule, evaluateFramework, frameworkReferences, frameworks, getFramework } from "./registry";
import type { Framework } from "./types";

const ruleIds = new Set(builtinRules.map((r) => r.id));

describe("framework registry", () => {
  it("has the six frameworks with unique control ids", () => {
    expect(frameworks.map((f) => f.id)).toEqual(["cis-1.9", "nsa-cisa-1.2", "pss-baseline", "pss-restricted", "hipaa", "gdpr"]);
    for (const f of frameworks) {
      const ids = f.controls.map((c) => c.id);
      expect(new Set(ids).size, `${f.id} duplicate control ids`).toBe(ids.length);
      for (const c of f.controls) {
        expect(c.title.length, `${f.id} ${c.id} title`).toBeGreaterThan(3);
        expect(c.description.length, `${f.id} ${c.id} description`).toBeGreaterThan(10);
      }
    }
  });

  it("every rule id a framework references exists in the rule registry", () => {
    const unresolved = frameworkReferences().filter((r) => !ruleIds.has(r.ruleId));
    expect([...new Set(unresolved.map((r) => r.ruleId))]).toEqual([]);
    for (const f of frameworks) for (const c of f.controls) for (const id of c.ruleIds) expect(ruleIds.has(id), `${f.id} ${c.id} -> ${id}`).toBe(true);
  });

  it("every CIS number and PSS check a rule claims is a control of that framework", () => {
    const cis = new Set(cisControls.map((c) => c.id));
    const pss = new Set([...PSS_BASELINE.map((c) => `baseline:${c.id}`), ...[...PSS_BASELINE, ...PSS_RESTRICTED_ONLY].map((c) => `restricted:${c.id}`)]);
    const bad: string[] = [];
    for (const r of builtinRules) {
      for (const c of r.peers.cis ?? []) if (!cis.has(c) && !cis.has(c.split(".").slice(0, 2).join("."))) bad.push(`${r.id} cis ${c}`);
      for (const p of r.peers.pss ?? []) if (!pss.has(p)) bad.push(`${r.id} pss ${p}`);
    }
    expect(bad).toEqual([]);
  });

  it("HIPAA and GDPR carry a not-legal-advice disclaimer; technical frameworks do not need one", () => {
    for (const id of ["hipaa", "gdpr"]) {
      const f = getFramework(id)!;
      expect(f.disclaimer).toMatch(/Bulwark's own interpretation/);
      expect(f.disclaimer).toMatch(/not legal advice/);
    }
    expect(getFramework("cis-1.9")!.disclaimer).toBeUndefined();
  });

  it("computes PSS and CIS controls from rule peer claims", () => {
    const fake = (id: string, peers: Rule["peers"]): Rule => ({
      id,
      title: id,
      category: "workload-security",
      severity: "high",
      kinds: ["Pod"],
      description: "d",
      remediation: "r",
      peers,
      evaluate: () => [],
    });
    const fws = buildFrameworks([fake("a", { pss: ["baseline:privileged"], cis: ["5.2.2"] }), fake("b", { pss: ["restricted:runAsNonRoot"], kubescape: ["C-0013"] })]);
    const get = (f: string, c: string) => fws.find((x) => x.id === f)!.controls.find((x) => x.id === c)!;
    expect(get("pss-baseline", "privileged").ruleIds).toEqual(["a"]);
    expect(get("pss-restricted", "privileged").ruleIds).toEqual(["a"]); // baseline claims answer restricted
    expect(get("pss-restricted", "runAsNonRoot").ruleIds).toEqual(["b"]);
    expect(get("pss-baseline", "hostNamespaces").ruleIds).toEqual([]);
    expect(get("cis-1.9", "5.2.2").ruleIds).toEqual(["a"]);
    // topic through Kubescape id and CIS number
    expect(get("hipaa", "164.312(a)(1)").ruleIds).toEqual(expect.arrayContaining(["b"]));
    expect(get("nsa-cisa-1.2", "PS-ENF").ruleIds).toEqual(expect.arrayContaining(["a"]));
  });

  it("computes the reverse index", () => {
    const withControls = builtinRules.find((r) => controlsForRule(r.id).length > 0);
    if (!withControls) return;
    for (const { framework, control } of controlsForRule(withControls.id)) {
      expect(getFramework(framework)!.controls.find((c) => c.id === control)!.ruleIds).toContain(withControls.id);
    }
    expect(controlsForRule("no-such-rule")).toEqual([]);
  });
});

describe("evaluateFramework", () => {
  const fw: Framework = {
    id: "t",
    name: "t",
    version: "1",
    description: "t",
    controls: [
      { id: "all-pass", title: "p", description: "d", ruleIds: ["r1", "r2"] },
      { id: "one-fails", title: "f", description: "d", ruleIds: ["r1", "r3", "r4"] },
      { id: "one-open", title: "n", description: "d", ruleIds: ["r1", "r4"] },
      { id: "missing", title: "m", description: "d", ruleIds: ["r1", "gone"] },
      { id: "disabled", title: "x", description: "d", ruleIds: ["r5"] },
      { id: "manual", title: "h", description: "d", ruleIds: ["r1"], manual: { evidence: "a signed policy" } },
      { id: "empty", title: "e", description: "d", ruleIds: [] },
    ],
  };
  const statuses: RuleStatus[] = [
    { id: "r1", status: "passed", findings: 0 },
    { id: "r2", status: "passed", findings: 0 },
    { id: "r3", status: "failed", findings: 2 },
    { id: "r4", status: "not-evaluated", reason: "kind v1/secrets forbidden", findings: 0 },
    { id: "r5", status: "disabled", findings: 0 },
  ];

  it("passes only when every rule passed; not-evaluated and manual never pass", () => {
    const r = evaluateFramework(fw, statuses);
    const st = Object.fromEntries(r.controls.map((c) => [c.id, c.status]));
    expect(st).toEqual({
      "all-pass": "passed",
      "one-fails": "failed",
      "one-open": "not-evaluated",
      missing: "not-evaluated",
      disabled: "not-evaluated",
      manual: "manual",
      empty: "not-evaluated",
    });
    expect(r.summary).toEqual({ passed: 1, failed: 1, notEvaluated: 4, manual: 1 });
    const open = r.controls.find((c) => c.id === "one-open")!;
    expect(open.reason).toMatch(/r4 not-evaluated \(kind v1\/secrets forbidden\)/);
    expect(r.controls.find((c) => c.id === "missing")!.reason).toMatch(/gone not-run/);
    expect(r.controls.find((c) => c.id === "manual")!.reason).toMatch(/a signed policy/);
    expect(r.controls.find((c) => c.id === "one-fails")!.reason).toMatch(/r3/);
  });
});
