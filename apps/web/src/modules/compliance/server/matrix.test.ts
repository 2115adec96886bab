// The control x cluster matrix from stored rule statuses, judged by the real engine and frameworks.
import type { TClusterScanRules } from "@bulwark/db";
import { frameworkRuleIds, getFramework, type RuleStatus } from "@bulwark/rules";
import { describe, expect, it } from "vitest";
import { buildComplianceMatrix, sliceComplianceMatrix } from "./matrix";

const hipaa = getFramework("hipaa")!;
const pss = getFramework("pss-baseline")!;

function stored(id: string, rules: RuleStatus[] | null): TClusterScanRules {
  return { clusterId: id, clusterName: `cluster-${id}`, scan: rules ? { id: `scan-${id}`, status: "succeeded", finishedAt: new Date("2026-11-01T00:00:00Z"), rules } : null };
}
const all = (f: typeof hipaa, status: RuleStatus["status"]): RuleStatus[] => frameworkRuleIds(f).map((id) => ({ id, status, findings: 0 }));

describe("buildComplianceMatrix", () => {
  it("gives each cluster its own statuses from its stored scan", () => {
    const clean = all(pss, "passed");
    const dirty = clean.map((r) => (r.id === "privileged-container" ? { ...r, status: "failed" as const, findings: 3 } : r.id === "host-pid" ? { ...r, status: "not-evaluated" as const, reason: "kind v1/pods forbidden" } : r));
    const m = buildComplianceMatrix(pss, [stored("a", clean), stored("b", dirty), stored("c", null)]);
    expect(m.clusters.map((c) => c.name)).toEqual(["cluster-a", "cluster-b", "cluster-c"]);
    expect(m.clusters.map((c) => c.scanId)).toEqual(["scan-a", "scan-b", null]);
    const row = (id: string) => m.controls.find((c) => c.id === id)!;

    expect(row("privileged").cells.map((c) => c.status)).toEqual(["passed", "failed", "not-evaluated"]);
    expect(row("privileged").cells[1]).toMatchObject({ findings: 3, reason: "failed: privileged-container" });
    expect(row("privileged").ruleIds).toEqual(["privileged-container"]);

    // A control whose rules could not all run says which one and why.
    const host = row("hostNamespaces").cells[1]!;
    expect(host.status).toBe("not-evaluated");
    expect(host.reason).toContain("host-pid not-evaluated (kind v1/pods forbidden)");
    expect(row("hostNamespaces").cells[0]!.status).toBe("passed");
    expect(row("hostNamespaces").cells[2]!.reason).toBe("the cluster has no completed scan yet");

    expect(m.clusters[0]!.summary).toEqual({ passed: pss.controls.length, failed: 0, notEvaluated: 0, manual: 0 });
    expect(m.clusters[1]!.summary).toEqual({ passed: pss.controls.length - 2, failed: 1, notEvaluated: 1, manual: 0 });
    expect(m.clusters[2]!.summary).toEqual({ passed: 0, failed: 0, notEvaluated: pss.controls.length, manual: 0 });
  });

  it("never counts or draws not-evaluated, disabled, missing or manual as passed", () => {
    const mixed = all(hipaa, "passed").map((r, i) => (i % 3 === 0 ? { ...r, status: "not-evaluated" as const, reason: "control plane not visible" } : i % 3 === 1 ? { ...r, status: "disabled" as const } : r));
    const partial = all(hipaa, "passed").filter((_, i) => i % 2 === 0); // the rest were not run
    const m = buildComplianceMatrix(hipaa, [stored("x", all(hipaa, "passed")), stored("y", mixed), stored("z", partial)]);
    for (const control of m.controls) {
      for (const cell of control.cells) {
        if (control.manual) expect(cell.status).toBe("manual");
        if (cell.status === "passed") expect(cell.rules.length > 0 && cell.rules.every((r) => r.status === "passed")).toBe(true);
        if (cell.status === "not-evaluated") expect(cell.reason).toBeTruthy();
        expect(cell.rules.map((r) => r.id)).toEqual(control.ruleIds);
      }
    }
    // Summary counts are exactly the drawn cells.
    m.clusters.forEach((c, col) => {
      const n = (s: string) => m.controls.filter((r) => r.cells[col]!.status === s).length;
      expect(c.summary).toEqual({ passed: n("passed"), failed: n("failed"), notEvaluated: n("not-evaluated"), manual: n("manual") });
    });
    // Manual controls stay manual even when every supporting rule passed.
    expect(m.clusters[0]!.summary.manual).toBe(hipaa.controls.filter((c) => c.manual).length);
    expect(m.clusters[0]!.summary.passed).toBeLessThan(hipaa.controls.length);
    expect(m.clusters[1]!.summary.passed).toBeLessThan(m.clusters[0]!.summary.passed);
    expect(m.clusters[2]!.summary.passed).toBeLessThan(m.clusters[0]!.summary.passed);
  });
});

describe("sliceComplianceMatrix", () => {
  it("keeps each cell with its cluster when a page of clusters is taken", () => {
    const clean = all(pss, "passed");
    const failing = clean.map((r) => (r.id === "privileged-container" ? { ...r, status: "failed" as const, findings: 1 } : r));
    const m = buildComplianceMatrix(pss, [stored("a", clean), stored("b", failing), stored("c", clean), stored("d", null)]);
    const page = sliceComplianceMatrix(m, 1, 2);
    expect(page.clusters.map((c) => c.id)).toEqual(["b", "c"]);
    const row = page.controls.find((c) => c.id === "privileged")!;
    expect(row.cells.map((c) => c.status)).toEqual(["failed", "passed"]);
    expect(page.controls.every((c) => c.cells.length === 2)).toBe(true);
    expect(sliceComplianceMatrix(m, 4, 2).clusters).toEqual([]);
  });
});
