import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { builtinRules } from "../rules";
import { clusterSnapshot, testPod } from "../testing";
import type { KubeObject, Rule, RuleCategory, RuleStatus } from "../types";
import type { VulnReport } from "../vulns/types";
import { buildFrameworks, controlsForRule, evaluateFramework, frameworkReferences, frameworks, getFramework, scopeRuleStatuses } from "./registry";
import { CONTROL_STATUS_LABELS, type Framework, type FrameworkControl, type FrameworkResult } from "./types";

const ruleById = new Map(builtinRules.map((r) => [r.id, r]));
const REGULATORY = ["hipaa", "gdpr", "soc2", "nist-800-53", "iso-27001"];
/** Resource and resilience hygiene: evidence for availability, never for confidentiality or integrity. */
const HYGIENE: readonly RuleCategory[] = ["resources", "probes", "reliability"];
const MAX_RULES = 15;
/** A rationale is a paragraph: what the auditor asks, which configuration answers, what is not visible. */
const RATIONALE_MIN = 120;
const automated = (c: FrameworkControl) => !c.manual && !c.notApplicable;

describe("framework registry", () => {
  it("has the benchmark and regulatory frameworks, each id once", () => {
    const ids = frameworks.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["cis-1.9", "nsa-cisa-1.2", "pss-baseline", "pss-restricted", ...REGULATORY]));
    expect(ids.slice(-REGULATORY.length)).toEqual(REGULATORY);
  });

  describe.each(frameworks.map((f) => [f.id, f] as const))("%s", (_id, f) => {
    it("has unique control ids, titles and descriptions", () => {
      const ids = f.controls.map((c) => c.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const c of f.controls) {
        expect(c.title.length, `${c.id} title`).toBeGreaterThan(3);
        expect(c.description.length, `${c.id} description`).toBeGreaterThan(10);
      }
    });

    it("gives every control a rationale paragraph", () => {
      const short = f.controls.filter((c) => c.rationale.trim().length < RATIONALE_MIN || c.rationale.trim() === c.description.trim()).map((c) => c.id);
      expect(short, `controls without a rationale of ${RATIONALE_MIN}+ characters`).toEqual([]);
    });

    it("maps each automated control to 1..15 evidence rules, or says why more", () => {
      const bad: string[] = [];
      for (const c of f.controls) {
        if (c.notApplicable) continue;
        if (automated(c) && c.ruleIds.length === 0) bad.push(`${c.id}: automated without a rule (make it manual or map a rule)`);
        if (c.ruleIds.length > MAX_RULES && !(c.broadReason && c.broadReason.trim().length >= 40)) bad.push(`${c.id}: ${c.ruleIds.length} rules without a broadReason`);
        if (c.broadReason && c.ruleIds.length <= MAX_RULES) bad.push(`${c.id}: broadReason on a control with ${c.ruleIds.length} rules`);
      }
      expect(bad).toEqual([]);
    });

    it("references only rules that exist", () => {
      const missing = f.controls.flatMap((c) => c.ruleIds.filter((id) => !ruleById.has(id)).map((id) => `${c.id} -> ${id}`));
      expect(missing).toEqual([]);
    });

    it("uses resource hygiene (limits, requests, probes, replicas, disruption budgets, labels) only for availability", () => {
      const bad: string[] = [];
      for (const c of f.controls) {
        const availabilityOnly = c.protects?.length === 1 && c.protects[0] === "availability";
        for (const id of c.ruleIds) {
          const cat = ruleById.get(id)?.category;
          if (cat && HYGIENE.includes(cat) && !availabilityOnly) bad.push(`${c.id} -> ${id} (${cat}): declare protects: ["availability"] or drop the rule`);
        }
      }
      expect(bad).toEqual([]);
    });

    it("never fails a confidentiality or integrity control because of hygiene alone", () => {
      // Every hygiene rule failing, every other rule passing: only availability controls may fail.
      const statuses: RuleStatus[] = builtinRules.map((r) => ({ id: r.id, status: HYGIENE.includes(r.category) ? "failed" : "passed", findings: HYGIENE.includes(r.category) ? 1 : 0 }));
      const failed = evaluateFramework(f, statuses).controls.filter((c) => c.status === "failed");
      for (const c of failed) expect(f.controls.find((x) => x.id === c.id)!.protects, c.id).toEqual(["availability"]);
    });

    it("judges a not-applicable control not applicable whatever its rules say", () => {
      const statuses: RuleStatus[] = builtinRules.map((r) => ({ id: r.id, status: "failed", findings: 1 }));
      const r = evaluateFramework(f, statuses);
      for (const c of f.controls.filter((x) => x.notApplicable)) expect(r.controls.find((x) => x.id === c.id)!.status, c.id).toBe("not-applicable");
    });
  });

  it("the regulatory mappings carry a disclaimer saying they are Bulwark's interpretation", () => {
    for (const id of REGULATORY) expect(getFramework(id)!.disclaimer, id).toMatch(/Bulwark's own interpretation/);
    for (const id of ["hipaa", "gdpr"]) expect(getFramework(id)!.disclaimer).toMatch(/not legal advice/);
  });

  it("every rule id named in framework data exists", () => {
    const unresolved = frameworkReferences().filter((r) => !ruleById.has(r.ruleId));
    expect(unresolved).toEqual([]);
  });

  it("every CIS number and PSS check a rule claims is a control of that framework", () => {
    const cis = new Set(getFramework("cis-1.9")!.controls.map((c) => c.id));
    const pss = new Set([...getFramework("pss-baseline")!.controls.map((c) => `baseline:${c.id}`), ...getFramework("pss-restricted")!.controls.map((c) => `restricted:${c.id}`)]);
    const bad: string[] = [];
    for (const r of builtinRules) {
      for (const c of r.peers.cis ?? []) if (!cis.has(c) && !cis.has(c.split(".").slice(0, 2).join("."))) bad.push(`${r.id} cis ${c}`);
      for (const p of r.peers.pss ?? []) if (!pss.has(p)) bad.push(`${r.id} pss ${p}`);
    }
    expect(bad).toEqual([]);
  });

  it("resolves benchmark controls from rule peer claims; regulatory controls only from explicit ids", () => {
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
    const fws = buildFrameworks([fake("a", { pss: ["baseline:privileged"], cis: ["5.2.2"] }), fake("b", { pss: ["restricted:runAsNonRoot"], kubescape: ["C-0013"], nsa: ["PS-NR"] })]);
    const get = (f: string, c: string) => fws.find((x) => x.id === f)!.controls.find((x) => x.id === c)!;
    expect(get("pss-baseline", "privileged").ruleIds).toEqual(["a"]);
    expect(get("pss-restricted", "privileged").ruleIds).toEqual(["a"]); // baseline claims answer restricted
    expect(get("pss-restricted", "runAsNonRoot").ruleIds).toEqual(["b"]);
    expect(get("cis-1.9", "5.2.2").ruleIds).toContain("a");
    // A peer claim never adds a rule to a regulatory control: its evidence is chosen by hand.
    for (const id of REGULATORY) for (const c of fws.find((x) => x.id === id)!.controls) expect(c.ruleIds, `${id} ${c.id}`).not.toContain("b");
  });

  it("computes the reverse index", () => {
    expect(controlsForRule("apiserver-encryption-at-rest")).toEqual(expect.arrayContaining([{ framework: "hipaa", control: "164.312(a)(2)(iv)" }, { framework: "nist-800-53", control: "SC-28" }]));
    for (const r of builtinRules) {
      for (const { framework, control } of controlsForRule(r.id)) expect(getFramework(framework)!.controls.find((c) => c.id === control)!.ruleIds).toContain(r.id);
    }
    expect(controlsForRule("no-such-rule")).toEqual([]);
  });

  it("reports control-plane controls not evaluated, never passed, when the control plane is hidden", () => {
    // A managed cluster: workloads visible, no kube-apiserver or etcd static pods.
    const snap = clusterSnapshot([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "app" } }, testPod("app", "web", {})]);
    const result = evaluate(snap, {});
    for (const [fw, control] of [
      ["hipaa", "164.312(b)"],
      ["hipaa", "164.312(a)(2)(iv)"],
      ["hipaa", "164.312(e)(2)(ii)"],
      ["gdpr", "Art. 32(1)(a)"],
      ["soc2", "CC7.2"],
      ["nist-800-53", "AU-12"],
      ["nist-800-53", "SC-28"],
      ["iso-27001", "A.8.15"],
    ] as const) {
      const c = evaluateFramework(getFramework(fw)!, result.rules).controls.find((x) => x.id === control)!;
      expect(c.status, `${fw} ${control}`).toBe("not-evaluated");
      expect(c.reason).toMatch(/control plane not visible/);
    }
  });
});

describe("image vulnerability evidence", () => {
  // A Deployment running nginx:1.21.0, and a Trivy JSON import for that image (matched by tag).
  const web: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop", uid: "web-uid" },
    spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.21.0" }] } } },
  };
  const objects: KubeObject[] = [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } }, web];
  const report = (vulnerabilities: VulnReport["vulnerabilities"]): VulnReport => ({
    source: "trivy",
    scanner: { name: "Trivy", version: "0.50.0" },
    image: { registry: "docker.io", repository: "library/nginx", tag: "1.21.0" },
    updatedAt: "2024-12-31T00:00:00Z",
    vulnerabilities,
  });
  const critical = { id: "CVE-2021-23017", package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical" as const };
  const low = { id: "CVE-2019-0001", package: "libc-bin", installedVersion: "2.28-10", severity: "low" as const };
  const VULN_CONTROLS = [
    ["hipaa", "164.308(a)(1)(ii)(B)"],
    ["nist-800-53", "SI-2"],
    ["iso-27001", "A.8.8"],
    ["soc2", "CC7.1"],
    ["nsa-cisa-1.2", "UPG"],
  ] as const;
  const judge = (vulnerabilityReports?: VulnReport[]) => {
    const snap = { ...clusterSnapshot(objects), ...(vulnerabilityReports ? { vulnerabilityReports } : {}) };
    const result = evaluate(snap, {});
    return { rule: result.rules.find((r) => r.id === "image-vulnerabilities")!, control: (fw: string, id: string) => evaluateFramework(getFramework(fw)!, result.rules).controls.find((c) => c.id === id)! };
  };

  it("maps the rule to the vulnerability-management controls", () => {
    for (const [fw, id] of VULN_CONTROLS) expect(getFramework(fw)!.controls.find((c) => c.id === id)!.ruleIds, `${fw} ${id}`).toContain("image-vulnerabilities");
    expect(controlsForRule("image-vulnerabilities")).toEqual(expect.arrayContaining([{ framework: "hipaa", control: "164.308(a)(5)(ii)(B)" }, { framework: "gdpr", control: "Art. 32(1)(b) integrity" }, { framework: "nsa-cisa-1.2", control: "PS-IMG" }]));
  });

  it("without any scanner report the rule passes over nothing and its controls are not evaluated, never passed", () => {
    const { rule, control } = judge();
    expect(rule).toMatchObject({ status: "passed", findings: 0 });
    expect(rule.reason).toMatch(/no vulnerability data/);
    for (const [fw, id] of VULN_CONTROLS) {
      const c = control(fw, id);
      expect(c.status, `${fw} ${id}`).toBe("not-evaluated");
      expect(c.reason).toMatch(/image-vulnerabilities not-evaluated \(no vulnerability data/);
    }
  });

  it("with a report the controls are judged: a fixable critical CVE fails them, a report with nothing that matters passes them", () => {
    const bad = judge([report([critical, low])]);
    expect(bad.rule).toMatchObject({ status: "failed", findings: 1 });
    for (const [fw, id] of VULN_CONTROLS) expect(bad.control(fw, id).status, `${fw} ${id}`).toBe("failed");
    const clean = judge([report([low])]);
    expect(clean.rule).toEqual({ id: "image-vulnerabilities", status: "passed", findings: 0 });
    for (const [fw, id] of [["hipaa", "164.308(a)(1)(ii)(B)"], ["nist-800-53", "SI-2"], ["iso-27001", "A.8.8"]] as const) expect(clean.control(fw, id).status, `${fw} ${id}`).toBe("passed");
  });

  it("a namespace scope keeps a pass over nothing as one", () => {
    const { rule } = judge();
    expect(scopeRuleStatuses([rule], new Map())).toEqual([rule]);
    expect(scopeRuleStatuses([{ id: "image-vulnerabilities", status: "failed", findings: 2 }], new Map())).toEqual([{ id: "image-vulnerabilities", status: "passed", findings: 0 }]);
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
