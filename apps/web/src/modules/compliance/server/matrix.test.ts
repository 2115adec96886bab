// The control x cluster matrix from postures judged by the real engine and frameworks: every cell
// keeps its cluster's status, says why it is not passed, and nothing unjudged is drawn as passed.
import type { TFrameworkPosture, TPostureCluster } from "@bulwark/db";
import { evaluateFramework, frameworkRuleIds, getFramework, type AttestationRef, type Framework, type RuleStatus } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { buildComplianceMatrix, NO_SCAN, sliceComplianceMatrix } from "./matrix";

const hipaa = getFramework("hipaa")!;
const pss = getFramework("pss-baseline")!;
const NOW = new Date("2026-12-07T12:00:00Z");

function posture(fw: Framework, clusters: Array<{ id: string; rules: RuleStatus[] | null; namespaces?: string[] }>, attestations = new Map<string, AttestationRef>()): Pick<TFrameworkPosture, "clusters"> {
  return {
    clusters: clusters.map(
      (c): TPostureCluster => ({
        clusterId: c.id,
        clusterName: `cluster-${c.id}`,
        namespaces: c.namespaces ?? [],
        scan: c.rules ? { id: `scan-${c.id}`, status: "succeeded", finishedAt: new Date("2026-12-01T00:00:00Z") } : null,
        result: evaluateFramework(fw, c.rules ?? [], { attestations, now: NOW }),
      }),
    ),
  };
}
const all = (f: Framework, status: RuleStatus["status"]): RuleStatus[] => frameworkRuleIds(f).map((id) => ({ id, status, findings: 0 }));

describe("buildComplianceMatrix", () => {
  it("gives each cluster its own statuses, with the reason a cell is not passed", () => {
    const clean = all(pss, "passed");
    const dirty = clean.map((r) => (r.id === "privileged-container" ? { ...r, status: "failed" as const, findings: 3 } : r.id === "host-pid" ? { ...r, status: "not-evaluated" as const, reason: "kind v1/pods forbidden" } : r));
    const m = buildComplianceMatrix(pss, posture(pss, [{ id: "a", rules: clean }, { id: "b", rules: dirty, namespaces: ["payments"] }, { id: "c", rules: null }]));
    expect(m.clusters.map((c) => [c.name, c.scanId, c.namespaces])).toEqual([["cluster-a", "scan-a", []], ["cluster-b", "scan-b", ["payments"]], ["cluster-c", null, []]]);
    const row = (id: string) => m.controls.find((c) => c.id === id)!;

    expect(row("privileged").cells.map((c) => c.status)).toEqual(["passed", "failed", "not-evaluated"]);
    expect(row("privileged").cells[1]).toMatchObject({ findings: 3, reason: "failed: privileged-container" });
    expect(row("privileged").cells[0]!.reason).toBeUndefined();
    expect(row("privileged").rationale).toBe(pss.controls.find((c) => c.id === "privileged")!.rationale);

    const host = row("hostNamespaces").cells[1]!;
    expect(host.status).toBe("not-evaluated");
    expect(host.reason).toContain("kind v1/pods forbidden");
    expect(row("hostNamespaces").cells[2]!.reason).toBe(NO_SCAN);

    expect(m.clusters[1]!.summary).toMatchObject({ passed: pss.controls.length - 2, failed: 1, notEvaluated: 1 });
    expect(m.totals.failed).toBe(1);
    expect(m.totals.notEvaluated).toBe(1 + pss.controls.length);
  });

  it("shows manual controls pending with the evidence they need, and attested with who and until when", () => {
    const manual = hipaa.controls.filter((c) => c.manual);
    expect(manual.length).toBeGreaterThan(1);
    const attestations = new Map<string, AttestationRef>([[manual[0]!.id, { id: "att1", by: "Ana Admin <ana@example.com>", expiresAt: new Date("2027-06-30T00:00:00Z") }]]);
    const m = buildComplianceMatrix(hipaa, posture(hipaa, [{ id: "x", rules: all(hipaa, "passed") }], attestations));
    const attested = m.controls.find((c) => c.id === manual[0]!.id)!;
    expect(attested.manual).toBe(manual[0]!.manual!.evidence);
    expect(attested.cells[0]).toMatchObject({ status: "attested", attestation: { id: "att1", by: "Ana Admin <ana@example.com>" } });
    const pending = m.controls.find((c) => c.id === manual[1]!.id)!;
    expect(pending.cells[0]!.status).toBe("pending");
    expect(pending.cells[0]!.reason).toBe(`Evidence needed: ${manual[1]!.manual!.evidence}`);
    expect(m.clusters[0]!.summary.attested).toBe(1);
    expect(m.clusters[0]!.summary.pending).toBe(manual.length - 1);
  });

  it("says why a control does not apply, and never fails it", () => {
    const fw: Framework = {
      ...pss,
      id: "test-managed",
      controls: [...pss.controls, { id: "1.1", title: "Control plane files", description: "d", rationale: "r", ruleIds: ["privileged-container"], notApplicable: "provider responsibility: the control plane is managed" }],
    };
    const failing = all(fw, "failed").map((r) => ({ ...r, findings: 1 }));
    const m = buildComplianceMatrix(fw, posture(fw, [{ id: "a", rules: failing }]));
    const na = m.controls.find((c) => c.id === "1.1")!;
    expect(na.notApplicable).toMatch(/provider responsibility/);
    expect(na.cells[0]).toMatchObject({ status: "not-applicable", reason: "provider responsibility: the control plane is managed" });
    expect(m.clusters[0]!.summary.notApplicable).toBe(1);
  });

  it("never draws not-evaluated, disabled, missing or manual as passed; the summaries are the drawn cells", () => {
    const mixed = all(hipaa, "passed").map((r, i) => (i % 3 === 0 ? { ...r, status: "not-evaluated" as const, reason: "control plane not visible" } : i % 3 === 1 ? { ...r, status: "disabled" as const } : r));
    const partial = all(hipaa, "passed").filter((_, i) => i % 2 === 0); // the rest were not run
    const m = buildComplianceMatrix(hipaa, posture(hipaa, [{ id: "x", rules: all(hipaa, "passed") }, { id: "y", rules: mixed }, { id: "z", rules: partial }]));
    for (const control of m.controls) {
      for (const cell of control.cells) {
        if (control.manual) expect(["attested", "pending"]).toContain(cell.status);
        if (cell.status === "passed") expect(cell.rules.length > 0 && cell.rules.every((r) => r.status === "passed")).toBe(true);
        if (cell.status !== "passed" && cell.status !== "attested") expect(cell.reason).toBeTruthy();
        expect(cell.rules.map((r) => r.id)).toEqual(control.ruleIds);
      }
    }
    const key = { passed: "passed", failed: "failed", "not-evaluated": "notEvaluated", "not-applicable": "notApplicable", attested: "attested", pending: "pending" } as const;
    m.clusters.forEach((c, col) => {
      const counted = { passed: 0, failed: 0, notEvaluated: 0, notApplicable: 0, attested: 0, pending: 0 };
      for (const row of m.controls) counted[key[row.cells[col]!.status]]++;
      expect(c.summary).toEqual(counted);
    });
    expect(m.clusters[1]!.summary.passed).toBeLessThan(m.clusters[0]!.summary.passed);
    expect(m.clusters[2]!.summary.passed).toBeLessThan(m.clusters[0]!.summary.passed);
  });
});

describe("sliceComplianceMatrix", () => {
  it("keeps each cell with its cluster when a page of clusters is taken", () => {
    const clean = all(pss, "passed");
    const failing = clean.map((r) => (r.id === "privileged-container" ? { ...r, status: "failed" as const, findings: 1 } : r));
    const m = buildComplianceMatrix(pss, posture(pss, [{ id: "a", rules: clean }, { id: "b", rules: failing }, { id: "c", rules: clean }, { id: "d", rules: null }]));
    const page = sliceComplianceMatrix(m, 1, 2);
    expect(page.clusters.map((c) => c.id)).toEqual(["b", "c"]);
    const row = page.controls.find((c) => c.id === "privileged")!;
    expect(row.cells.map((c) => c.status)).toEqual(["failed", "passed"]);
    expect(page.controls.every((c) => c.cells.length === 2)).toBe(true);
    expect(sliceComplianceMatrix(m, 4, 2).clusters).toEqual([]);
  });
});
