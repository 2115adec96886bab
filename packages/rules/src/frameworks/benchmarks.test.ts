// The benchmark frameworks (benchmarks.ts): CIS Kubernetes 1.9 and 1.10, the managed-cluster
// profiles, NSA/CISA and PSS. Judged with the real engine where the question is what a cluster
// state does to a control.
import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { builtinRules } from "../rules";
import { clusterSnapshot, testPod } from "../testing";
import type { KubeObject, RuleStatus } from "../types";
import { benchmarkDefinitions } from "./benchmarks";
import { CIS_EXTRA_EVIDENCE, CIS_NOT_EVIDENCE, cisControls } from "./cis";
import { aksControls, eksControls, gkeControls } from "./cis-managed";
import { nsaControls } from "./nsa";
import { evaluateFramework, getFramework } from "./registry";
import type { Framework } from "./types";

const rulesById = new Map(builtinRules.map((r) => [r.id, r]));
const fw = (id: string): Framework => {
  const f = getFramework(id);
  if (!f) throw new Error(`framework ${id} is not registered`);
  return f;
};
const control = (f: string, c: string) => {
  const found = fw(f).controls.find((x) => x.id === c);
  if (!found) throw new Error(`${f} has no control ${c}`);
  return found;
};

const MANAGED = ["cis-eks-1.8", "cis-aks-1.8", "cis-gke-1.9"];
/** Every CIS profile and the control that concerns privileged containers in it. */
const PRIVILEGED_CONTROL: Record<string, string> = { "cis-1.9": "5.2.2", "cis-1.10": "5.2.2", "cis-eks-1.8": "4.2.1", "cis-aks-1.8": "4.2.1", "cis-gke-1.9": "4.2.1" };

const namespace = (name: string, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

describe("benchmark frameworks", () => {
  it("registers every benchmark, each with unique control ids", () => {
    const ids = benchmarkDefinitions.map((d) => d.id);
    expect(ids).toEqual(["cis-1.9", "cis-1.10", ...MANAGED, "nsa-cisa-1.2", "pss-baseline", "pss-restricted"]);
    for (const id of ids) {
      const controls = fw(id).controls.map((c) => c.id);
      expect(new Set(controls).size, id).toBe(controls.length);
    }
    expect(fw("cis-eks-1.8").version).toBe("1.8.0");
    expect(fw("cis-aks-1.8").version).toBe("1.8.0");
    expect(fw("cis-gke-1.9").version).toBe("1.9.0");
  });

  it("every control explains itself: a rationale, evidence for manual controls, a reason for broad or not-applicable ones", () => {
    const problems: string[] = [];
    for (const { id } of benchmarkDefinitions) {
      for (const c of fw(id).controls) {
        const at = `${id} ${c.id}`;
        if (c.rationale.length < 100) problems.push(`${at}: rationale too short`);
        if (c.notApplicable) {
          if (!c.notApplicable.startsWith("provider responsibility: ")) problems.push(`${at}: not-applicable without the provider's responsibility`);
          if (c.manual) problems.push(`${at}: both not applicable and manual`);
        } else if (c.manual) {
          if (c.manual.evidence.length < 30) problems.push(`${at}: manual evidence too vague`);
        } else {
          if (c.ruleIds.length === 0) problems.push(`${at}: automated without rules`);
          if (c.ruleIds.length > 15 && !c.broadReason) problems.push(`${at}: ${c.ruleIds.length} rules without a broadReason`);
        }
        for (const r of c.ruleIds) if (!rulesById.has(r)) problems.push(`${at}: unknown rule ${r}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the CIS evidence tables stay true to the rules: exclusions name rules that claim the number, additions rules that do not", () => {
    const problems: string[] = [];
    const numbers = new Set(cisControls.map((c) => c.id));
    for (const [n, excluded] of Object.entries(CIS_NOT_EVIDENCE)) {
      if (!numbers.has(n)) problems.push(`exclusion for unknown CIS ${n}`);
      for (const [r, why] of Object.entries(excluded)) {
        if (!rulesById.get(r)?.peers.cis?.includes(n)) problems.push(`${r} does not claim CIS ${n}: drop its exclusion`);
        if (why.length < 20) problems.push(`${r} excluded from ${n} without a reason`);
        expect(control("cis-1.9", n).ruleIds, `${n} still lists ${r}`).not.toContain(r);
      }
    }
    for (const [n, extra] of Object.entries(CIS_EXTRA_EVIDENCE)) {
      for (const r of extra) {
        if (!rulesById.has(r)) problems.push(`unknown rule ${r} added to CIS ${n}`);
        else if (rulesById.get(r)!.peers.cis?.includes(n)) problems.push(`${r} already claims CIS ${n}`);
        expect(control("cis-1.9", n).ruleIds).toContain(r);
      }
    }
    // Every CIS number the managed profiles and NSA/CISA borrow evidence from exists.
    for (const c of [...eksControls, ...aksControls, ...gkeControls, ...nsaControls]) for (const n of c.cis ?? []) if (!numbers.has(n)) problems.push(`${c.id} refers to unknown CIS ${n}`);
    expect(problems).toEqual([]);
    // A claim that is evidence stays: privileged-container claims 5.2.2 and answers it.
    expect(control("cis-1.9", "5.2.2").ruleIds).toEqual(["privileged-container"]);
  });

  it("CIS 1.10 and 1.9 share rule evidence where the recommendation is unchanged", () => {
    const v19 = fw("cis-1.9");
    const v110 = fw("cis-1.10");
    expect(v110.version).toBe("1.10");
    const byId = new Map(v110.controls.map((c) => [c.id, c]));
    let shared = 0;
    for (const c of v19.controls) {
      const n = byId.get(c.id);
      if (!n || n.title !== c.title) continue; // renumbered or reworded in 1.10: judged on its own
      shared++;
      expect(n.ruleIds, c.id).toEqual(c.ruleIds);
      expect(n.manual, c.id).toEqual(c.manual);
      expect(n.notApplicable, c.id).toEqual(c.notApplicable);
    }
    expect(shared).toBeGreaterThan(90);
  });

  it("no managed profile maps a control to a control-plane rule, which a managed cluster can never evaluate", () => {
    for (const id of MANAGED) {
      const cp = fw(id).controls.flatMap((c) => c.ruleIds.filter((r) => rulesById.get(r)?.category === "control-plane").map((r) => `${c.id} ${r}`));
      expect(cp, id).toEqual([]);
    }
  });
});

describe("provider responsibility", () => {
  const everyRuleFails: RuleStatus[] = builtinRules.map((r) => ({ id: r.id, status: "failed", findings: 3 }));

  it.each(MANAGED)("%s never reports a provider-responsibility control as failed, even with every rule failing", (id) => {
    const f = fw(id);
    const provider = f.controls.filter((c) => c.notApplicable);
    expect(provider.map((c) => c.id)).toContain("1"); // the control plane is the provider's
    const result = evaluateFramework(f, everyRuleFails);
    for (const c of provider) {
      const r = result.controls.find((x) => x.id === c.id)!;
      expect(r.status, `${id} ${c.id}`).toBe("not-applicable");
      expect(r.reason).toMatch(/^provider responsibility: /);
    }
    // The failing rules do fail the customer's automated controls: the input is effective.
    expect(result.summary.failed).toBe(f.controls.filter((c) => !c.notApplicable && !c.manual).length);
    expect(result.summary.notApplicable).toBe(provider.length);
  });

  it("a provider-responsibility control stays not applicable when a rule is attached and fails", () => {
    const f = fw("cis-eks-1.8");
    const withRule: Framework = { ...f, controls: f.controls.map((c) => (c.id === "1" ? { ...c, ruleIds: ["apiserver-anonymous-auth"] } : c)) };
    const r = evaluateFramework(withRule, [{ id: "apiserver-anonymous-auth", status: "failed", findings: 1 }]);
    expect(r.controls.find((c) => c.id === "1")!.status).toBe("not-applicable");
  });
});

describe("judged from a cluster", () => {
  const statusesOf = (objects: KubeObject[]) => evaluate(clusterSnapshot(objects)).rules;

  it("a privileged pod fails the CIS 5.2.x control that concerns it on every CIS profile, and a plain pod does not", () => {
    const privileged = statusesOf([namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), testPod("shop", "web", { privileged: true })]);
    const plain = statusesOf([namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), testPod("shop", "web", {})]);
    for (const [id, controlId] of Object.entries(PRIVILEGED_CONTROL)) {
      const failed = evaluateFramework(fw(id), privileged).controls.find((c) => c.id === controlId)!;
      expect(failed.status, `${id} ${controlId}`).toBe("failed");
      expect(failed.reason, `${id} ${controlId}`).toMatch(/privileged-container/);
      const ok = evaluateFramework(fw(id), plain).controls.find((c) => c.id === controlId)!;
      expect(ok.status, `${id} ${controlId} without the privileged pod`).toBe("passed");
    }
  });

  it("on a cluster whose control plane is not visible, CIS control-plane controls are not evaluated, never passed", () => {
    const statuses = statusesOf([namespace("shop"), testPod("shop", "web", {})]);
    const r = evaluateFramework(fw("cis-1.9"), statuses);
    for (const id of ["1.2.1", "1.2.27", "1.3.2", "1.4.1", "2.1"]) {
      const c = r.controls.find((x) => x.id === id)!;
      expect(c.status, id).toBe("not-evaluated");
      expect(c.reason, id).toMatch(/control plane not visible/);
    }
    // Node files and kubelet settings are never passed by Bulwark either: they wait for evidence.
    for (const id of ["1.1", "4.1", "4.2.1"]) expect(r.controls.find((x) => x.id === id)!.status, id).toBe("pending");
  });

  it("GKE 4.2.1 fails a namespace that does not enforce the baseline standard, with no offending pod", () => {
    const statuses = statusesOf([namespace("shop"), testPod("shop", "web", {})]);
    const c = evaluateFramework(fw("cis-gke-1.9"), statuses).controls.find((x) => x.id === "4.2.1")!;
    expect(c.status).toBe("failed");
    expect(c.reason).toMatch(/namespace-psa-enforce-missing/);
    expect(c.reason).not.toMatch(/privileged-container/);
  });

  it("NSA/CISA PS-ENF and CIS 5.2.2 judge the same privileged pod alike", () => {
    const statuses = statusesOf([namespace("shop", { "pod-security.kubernetes.io/enforce": "baseline" }), testPod("shop", "web", { privileged: true })]);
    const nsa = evaluateFramework(fw("nsa-cisa-1.2"), statuses).controls.find((c) => c.id === "PS-ENF")!;
    expect(nsa.status).toBe("failed");
    expect(nsa.rules.find((r) => r.id === "privileged-container")!.status).toBe("failed");
  });
});
