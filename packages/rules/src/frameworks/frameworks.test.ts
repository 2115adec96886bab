import { describe, expect, it } from "vitest";
import { builtinRules } from "../rules";
import type { Rule, RuleStatus } from "../types";
import { cisControls } from "./cis";
import { PSS_BASELINE, PSS_RESTRICTED_ONLY } from "./pss";
import { buildFrameworks, controlsForRule, evaluateFramework, frameworkReferences, frameworks, getFramework, scopeRuleStatuses } from "./registry";
import { CONTROL_STATUS_LABELS, type Framework, type FrameworkControl, type FrameworkResult } from "./types";

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
  const ctl = (id: string, ruleIds: string[], extra: Partial<FrameworkControl> = {}): FrameworkControl => ({ id, title: id, description: "d", rationale: "r", ruleIds, ...extra });
  const fw: Framework = {
    id: "t",
    name: "t",
    version: "1",
    description: "t",
    controls: [
      ctl("all-pass", ["r1", "r2"]),
      ctl("one-fails", ["r1", "r3", "r4"]),
      ctl("one-open", ["r1", "r4"]),
      ctl("missing", ["r1", "gone"]),
      ctl("disabled", ["r5"]),
      ctl("manual", ["r1"], { manual: { evidence: "a signed policy" } }),
      ctl("manual-failing-support", ["r3"], { manual: { evidence: "a signed policy" } }),
      ctl("empty", []),
      ctl("na", ["r3"], { notApplicable: "the managed provider runs the control plane" }),
    ],
  };
  const statuses: RuleStatus[] = [
    { id: "r1", status: "passed", findings: 0 },
    { id: "r2", status: "passed", findings: 0 },
    { id: "r3", status: "failed", findings: 2 },
    { id: "r4", status: "not-evaluated", reason: "kind v1/secrets forbidden", findings: 0 },
    { id: "r5", status: "disabled", findings: 0 },
  ];
  const now = new Date("2026-12-07T12:00:00Z");
  const status = (r: FrameworkResult) => Object.fromEntries(r.controls.map((c) => [c.id, c.status]));
  const sumOf = (r: FrameworkResult) => Object.values(r.summary).reduce((a, b) => a + b, 0);

  it("passes only when every rule passed; not-evaluated and manual never pass; not-applicable never fails", () => {
    const r = evaluateFramework(fw, statuses, { now });
    expect(status(r)).toEqual({
      "all-pass": "passed",
      "one-fails": "failed",
      "one-open": "not-evaluated",
      missing: "not-evaluated",
      disabled: "not-evaluated",
      manual: "pending",
      "manual-failing-support": "pending",
      empty: "not-evaluated",
      na: "not-applicable",
    });
    expect(r.summary).toEqual({ passed: 1, failed: 1, notEvaluated: 4, notApplicable: 1, attested: 0, pending: 2 });
    expect(sumOf(r)).toBe(fw.controls.length);
    const reason = (id: string) => r.controls.find((c) => c.id === id)!.reason;
    expect(reason("one-open")).toMatch(/r4 not-evaluated \(kind v1\/secrets forbidden\)/);
    expect(reason("missing")).toMatch(/gone not-run/);
    expect(reason("manual")).toMatch(/a signed policy/);
    expect(reason("one-fails")).toMatch(/r3/);
    expect(reason("empty")).toMatch(/no Bulwark rule/);
    expect(reason("na")).toMatch(/managed provider/);
  });

  it("an unexpired attestation closes manual and unevaluated controls but never hides a failing check", () => {
    const by = { by: "alice@example.com", expiresAt: "2027-01-01T00:00:00Z", id: "att1" };
    const attestations = new Map(["all-pass", "one-fails", "one-open", "manual", "empty", "na"].map((id) => [id, by]));
    const r = evaluateFramework(fw, statuses, { now, attestations });
    expect(status(r)).toMatchObject({ "all-pass": "passed", "one-fails": "failed", "one-open": "attested", manual: "attested", empty: "attested", na: "not-applicable", "manual-failing-support": "pending" });
    const failing = r.controls.find((c) => c.id === "one-fails")!;
    expect(failing.attestation).toEqual(by); // shown beside the failure
    expect(failing.reason).toMatch(/r3/);
    expect(r.controls.find((c) => c.id === "manual")!.attestation).toEqual(by);
    expect(r.summary).toEqual({ passed: 1, failed: 1, notEvaluated: 2, notApplicable: 1, attested: 3, pending: 1 });
    expect(sumOf(r)).toBe(fw.controls.length);
  });

  it("ignores expired and unreadable attestations", () => {
    const attestations = new Map([
      ["manual", { by: "a", expiresAt: new Date("2026-12-07T11:59:59Z") }],
      ["one-open", { by: "a", expiresAt: "2026-12-07T12:00:00Z" }], // expires at now: no longer in force
      ["empty", { by: "a", expiresAt: "soon" }],
    ]);
    const r = evaluateFramework(fw, statuses, { now, attestations });
    expect(status(r)).toMatchObject({ manual: "pending", "one-open": "not-evaluated", empty: "not-evaluated" });
    for (const c of r.controls) expect(c.attestation).toBeUndefined();
    expect(r.summary.attested).toBe(0);
  });

  it("labels every status", () => {
    expect(CONTROL_STATUS_LABELS).toEqual({
      passed: "Passed",
      failed: "Failed",
      "not-evaluated": "Not evaluated",
      "not-applicable": "Not applicable",
      attested: "Manual – attested",
      pending: "Manual – pending",
    });
  });
});

describe("scopeRuleStatuses", () => {
  it("judges passed and failed rules again from the open findings in scope; keeps unjudged rules", () => {
    const statuses: RuleStatus[] = [
      { id: "fails-elsewhere", status: "failed", findings: 3 },
      { id: "fails-here", status: "failed", findings: 3 },
      { id: "passed", status: "passed", findings: 1 }, // an expected platform finding only
      { id: "forbidden", status: "not-evaluated", reason: "kind v1/secrets forbidden", findings: 0 },
      { id: "off", status: "disabled", reason: "not in the default profile", findings: 0 },
    ];
    const scoped = scopeRuleStatuses(statuses, new Map([["fails-here", 2], ["forbidden", 5], ["off", 1]]));
    expect(scoped).toEqual([
      { id: "fails-elsewhere", status: "passed", findings: 0 },
      { id: "fails-here", status: "failed", findings: 2 },
      { id: "passed", status: "passed", findings: 0 },
      { id: "forbidden", status: "not-evaluated", reason: "kind v1/secrets forbidden", findings: 0 },
      { id: "off", status: "disabled", reason: "not in the default profile", findings: 0 },
    ]);
    expect(statuses[0]!.status).toBe("failed"); // input untouched
  });
});
