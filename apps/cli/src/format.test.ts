// The output formats over a report built by hand, so risks, merged checks and platform-baseline
// findings are covered whatever the engine produces for a given manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { builtinRules, type Rule, type Severity } from "@bulwark/rules";
import Ajv04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatTable } from "./format-table";
import { countFailing, type ReportFinding, type ReportRisk, type ScanReport } from "./report";

const web = { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" };
const binding = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: "web-admin" };
const proxy = { apiVersion: "apps/v1", kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy" };

function finding(ruleId: string, severity: Severity, extra: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId,
    severity,
    title: ruleId,
    object: web,
    path: "spec.template.spec.serviceAccountName",
    message: `${ruleId} message`,
    remediation: "fix it",
    fingerprint: `fp-${ruleId}`,
    file: "deploy.yaml",
    line: 12,
    ...extra,
  };
}

const risk: ReportRisk = {
  id: "r".repeat(32),
  type: "cluster-takeover",
  title: "Cluster takeover: Deployment shop/web runs as a cluster-admin-equivalent ServiceAccount shop/web",
  severity: "critical",
  score: 72.5,
  objects: [web, binding],
  steps: [
    { kind: "identity", text: "Mounts the API token of ServiceAccount shop/web.", findings: [] },
    { kind: "privilege", text: "The account can do anything cluster-wide.", findings: ["fp-workload-sa-admin-rights"] },
  ],
  factors: [{ name: "exposed", multiplier: 1.5, message: "Reachable through a LoadBalancer Service" }],
  remediation: "Bind a least-privilege role.",
  file: "deploy.yaml",
  line: 3,
  locations: [
    { object: web, file: "deploy.yaml", line: 3 },
    { object: binding, file: "rbac.yaml", line: 1 },
  ],
};
const expectedRisk: ReportRisk = {
  ...risk,
  id: "e".repeat(32),
  type: "node-takeover",
  title: "Node takeover: DaemonSet kube-system/kube-proxy is privileged",
  severity: "high",
  objects: [proxy],
  baseline: { id: "kube-proxy", reason: "kube-proxy programs the node's network" },
  locations: [],
  file: undefined,
  line: undefined,
};

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  const findings = [
    finding("workload-sa-admin-rights", "critical", { checks: ["workload-sa-admin-rights", "workload-sa-risky-permissions"] }),
    finding("privileged-container", "critical", { object: proxy, baseline: { id: "kube-proxy", reason: "kube-proxy programs the node's network" }, file: undefined, line: undefined }),
    finding("run-as-non-root", "medium", { exception: { id: "x1", justification: "legacy image" } }),
  ];
  const ruleMeta = new Map<string, Rule>(builtinRules.filter((r) => findings.some((f) => f.ruleId === r.id)).map((r) => [r.id, r]));
  return {
    source: "manifests",
    target: "2 files",
    findings,
    risks: [risk, expectedRisk],
    rules: [...ruleMeta.keys()].map((id) => ({ id, status: "failed" as const, findings: 1 })),
    ruleMeta,
    errors: [{ file: "bad.yaml", line: 4, message: "document (Pod) has no metadata" }],
    counts: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
    score: 41.3,
    scoreItems: Array.from({ length: 7 }, (_, i) => ({ kind: "finding" as const, label: `item ${i}`, impact: 7 - i, fingerprint: `fp${i}` })),
    expected: 1,
    profile: "strict",
    objectCount: 4,
    customResources: 1,
    files: 2,
    failOn: "high",
    failing: 2,
    rulesVersion: "test",
    ...overrides,
  };
}

describe("--format json", () => {
  const out = JSON.parse(formatJson(report()));

  it("lists risks with objects, steps, factors, baseline, exception and file", () => {
    expect(Object.keys(out)).toEqual(expect.arrayContaining(["risks", "findings", "rules", "errors", "summary"]));
    expect(out.risks).toHaveLength(2);
    expect(out.risks[0]).toEqual({
      id: risk.id,
      type: "cluster-takeover",
      title: risk.title,
      severity: "critical",
      score: 72.5,
      objects: [
        { ...web },
        { ...binding, namespace: null },
      ],
      steps: [
        { kind: "identity", text: risk.steps[0]!.text, findings: [] },
        { kind: "privilege", text: risk.steps[1]!.text, findings: ["fp-workload-sa-admin-rights"] },
      ],
      factors: [{ name: "exposed", multiplier: 1.5, message: "Reachable through a LoadBalancer Service" }],
      remediation: "Bind a least-privilege role.",
      baseline: null,
      exception: null,
      file: "deploy.yaml",
      line: 3,
    });
    expect(out.risks[1]).toMatchObject({ baseline: { id: "kube-proxy" }, file: null, line: null });
  });

  it("gives every finding its checks (default [ruleId]) and baseline", () => {
    expect(out.findings.map((f: { checks: string[] }) => f.checks)).toEqual([["workload-sa-admin-rights", "workload-sa-risky-permissions"], ["privileged-container"], ["run-as-non-root"]]);
    expect(out.findings.map((f: { baseline: unknown }) => f.baseline)).toEqual([null, { id: "kube-proxy", reason: "kube-proxy programs the node's network" }, null]);
  });

  it("summarizes open risks by severity, expected findings, the profile and the top five score items", () => {
    expect(out.summary).toMatchObject({
      risks: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
      expected: 1,
      profile: "strict",
      customResources: 1,
      score: 41.3,
    });
    expect(out.summary.scoreItems).toHaveLength(5);
    expect(out.summary.scoreItems[0]).toEqual({ kind: "finding", label: "item 0", severity: null, impact: 7, riskId: null, fingerprint: "fp0" });
    expect(out.errors).toEqual([{ file: "bad.yaml", line: 4, message: "document (Pod) has no metadata" }]);
  });
});

describe("--format table", () => {
  const style = { color: false, width: 80 };

  it("shows risks first, then findings, and hides expected ones behind a count", () => {
    const text = formatTable(report(), style);
    const risksAt = text.indexOf("Risks (1):");
    const findingsAt = text.indexOf("Findings:");
    expect(risksAt).toBeGreaterThanOrEqual(0);
    expect(findingsAt).toBeGreaterThan(risksAt);
    expect(text.indexOf("workload-sa-admin-rights")).toBeGreaterThan(findingsAt);
    expect(text).toMatch(/CRITICAL Cluster takeover: Deployment shop\/web runs as a/);
    expect(text).toMatch(/Deployment shop\/web, ClusterRoleBinding web-admin\s+deploy\.yaml:3/);
    expect(text).toMatch(/1\. identity: Mounts the API token/);
    expect(text).toMatch(/2\. privilege: The account can do anything/);
    expect(text).toMatch(/workload-sa-admin-rights \(\+ workload-sa-risky-permissions\)/);
    // the platform component's finding and risk are not listed, only counted
    expect(text).not.toMatch(/kube-proxy/);
    expect(text).toMatch(/1 finding expected for platform components \(--show-expected lists them\)/);
    expect(text).toMatch(/1 risk \(1 critical\)/);
    expect(text).toMatch(/FAIL: 2 open findings or risks at or above high/);
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("--show-expected lists them, marked", () => {
    const text = formatTable(report(), style, "info", { showExpected: true });
    expect(text).toMatch(/Risks \(2\):/);
    expect(text).toMatch(/privileged-container \(expected: kube-proxy\)/);
    expect(text).toMatch(/expected: kube-proxy/);
    expect(text).not.toMatch(/--show-expected lists them/);
  });

  it("--severity-threshold applies to risks too", () => {
    const text = formatTable(report({ risks: [expectedRisk] }), style, "critical", { showExpected: true });
    expect(text).not.toMatch(/Risks/);
  });
});

describe("--format sarif", () => {
  const sarif = JSON.parse(formatSarif(report()));
  const run = sarif.runs[0];

  it("validates against the SARIF 2.1.0 schema", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const validate = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("reports each risk as a result before the findings, located at its objects", () => {
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["risk/cluster-takeover", "risk/node-takeover", "workload-sa-admin-rights", "privileged-container", "run-as-non-root"]);
    const [takeover, node] = run.results;
    expect(takeover.level).toBe("error");
    expect(run.tool.driver.rules[takeover.ruleIndex].id).toBe("risk/cluster-takeover");
    expect(takeover.locations.map((l: { physicalLocation?: unknown }) => l.physicalLocation)).toEqual([
      { artifactLocation: { uri: "deploy.yaml" }, region: { startLine: 3 } },
      { artifactLocation: { uri: "rbac.yaml" }, region: { startLine: 1 } },
    ]);
    expect(takeover.partialFingerprints).toEqual({ "bulwarkRiskId/v1": risk.id });
    expect(takeover.suppressions).toBeUndefined();
    // expected for a platform component: suppressed, not dropped
    expect(node.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: "kube-system/DaemonSet/kube-proxy", kind: "resource" }] }]);
    expect(node.suppressions[0]).toMatchObject({ kind: "external", status: "accepted", justification: expect.stringMatching(/kube-proxy/) });
    const finding = run.results.find((r: { ruleId: string }) => r.ruleId === "workload-sa-admin-rights");
    expect(run.tool.driver.rules[finding.ruleIndex].id).toBe("workload-sa-admin-rights");
  });
});

describe("countFailing", () => {
  it("counts open findings and risks at or above the threshold", () => {
    const r = report();
    expect(countFailing([...r.findings, ...r.risks], "high")).toBe(2);
    // the excepted medium finding never counts; the expected high risk neither
    expect(countFailing([...r.findings, ...r.risks], "info")).toBe(2);
    expect(countFailing([risk], "critical")).toBe(1);
    expect(countFailing([{ ...risk, exception: { id: "x", justification: "j" } }], "low")).toBe(0);
    expect(countFailing([...r.findings, ...r.risks], "none")).toBe(0);
  });
});
