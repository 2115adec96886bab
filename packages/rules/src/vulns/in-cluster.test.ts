// Reading in-cluster scanners' objects: Trivy Operator VulnerabilityReport and ExposedSecretReport,
// wg-policy PolicyReports naming CVEs; malformed objects are skipped, never fatal.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { evaluate } from "../engine/evaluate";
import { clusterSnapshot } from "../testing";
import type { KubeObject } from "../types";
import { inClusterSecretReports, inClusterVulnReports } from "./in-cluster";

const here = dirname(fileURLToPath(import.meta.url));
const load = (file: string): KubeObject[] => parseAllDocuments(readFileSync(join(here, "fixtures", file), "utf8")).map((d) => d.toJS() as KubeObject);

describe("Trivy Operator VulnerabilityReport", () => {
  const [report] = load("exposed-privileged.yaml").filter((o) => o.kind === "VulnerabilityReport");

  it("normalizes image, target, scanner, time and vulnerabilities", () => {
    const [r] = inClusterVulnReports([report!]);
    expect(r).toMatchObject({
      source: "trivy-operator",
      scanner: { name: "Trivy", version: "0.58.1" },
      image: { registry: "docker.io", repository: "library/nginx", tag: "1.21.0" },
      target: { kind: "ReplicaSet", namespace: "shop", name: "web-6d4cf56db6", uid: "0a000000-0000-4000-8000-000000000002", container: "web" },
      updatedAt: "2026-12-01T06:00:00.000Z",
      origin: "VulnerabilityReport shop/replicaset-web-6d4cf56db6-web",
    });
    expect(r!.vulnerabilities).toHaveLength(5);
    expect(r!.vulnerabilities[0]).toEqual({ id: "CVE-2021-23017", package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical", score: 9.8, title: "nginx: off-by-one in the resolver", link: "https://avd.aquasec.com/nvd/cve-2021-23017" });
    // Trivy writes fixedVersion: "" when no fix exists.
    expect(r!.vulnerabilities.find((v) => v.id === "CVE-2023-45853")!.fixedVersion).toBeUndefined();
    expect(r!.vulnerabilities.map((v) => v.severity)).toEqual(["critical", "high", "high", "medium", "low"]);
  });

  it("takes the target from the controller owner when the labels are missing, and a digest when the artifact has one", () => {
    const o = structuredClone(report!) as any;
    delete o.metadata.labels;
    o.report.artifact.digest = `sha256:${"C".repeat(64)}`;
    const [r] = inClusterVulnReports([o]);
    expect(r!.target).toEqual({ kind: "ReplicaSet", namespace: "shop", name: "web-6d4cf56db6", uid: "0a000000-0000-4000-8000-000000000002" });
    expect(r!.image.digest).toBe(`sha256:${"c".repeat(64)}`);
  });

  it("does not trust a report whose labels name a workload of another namespace", () => {
    const o = structuredClone(report!) as any;
    o.metadata.labels["trivy-operator.resource.namespace"] = "kube-system";
    const [r] = inClusterVulnReports([o]);
    expect(r!.target).toBeUndefined();
    // ...and it then attaches to nothing.
    const objs = load("exposed-privileged.yaml").map((x) => (x.kind === "VulnerabilityReport" ? o : x));
    expect(evaluate(clusterSnapshot(objs, "1.30", "2026-12-03T00:00:00Z")).findings.filter((f) => f.ruleId === "image-vulnerabilities")).toEqual([]);
  });

  it("reads Starboard's labels (the operator's predecessor, same API group)", () => {
    const o = structuredClone(report!) as any;
    o.metadata.labels = { "starboard.resource.kind": "ReplicaSet", "starboard.resource.name": "web-6d4cf56db6", "starboard.resource.namespace": "shop", "starboard.container.name": "web" };
    delete o.metadata.ownerReferences;
    expect(inClusterVulnReports([o])[0]!.target).toEqual({ kind: "ReplicaSet", namespace: "shop", name: "web-6d4cf56db6", container: "web" });
  });

  it("skips malformed reports and entries without throwing", () => {
    const bad: unknown[] = [
      null,
      7,
      "text",
      { kind: "VulnerabilityReport" },
      { apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", metadata: {} },
      { apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", metadata: null, report: "x" },
      { apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", metadata: { labels: 5, ownerReferences: "no" }, report: { artifact: { repository: 42 } } },
      { apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", metadata: { name: "r" }, report: { artifact: { repository: "x" }, vulnerabilities: "nope", updateTimestamp: "yesterday" } },
      { apiVersion: "wgpolicyk8s.io/v1alpha2", kind: "PolicyReport", metadata: { name: "p" }, results: [null, 7, { result: "fail", policy: "CVE-2024-1", properties: null, resources: "x" }] },
      { apiVersion: "wgpolicyk8s.io/v1alpha2", kind: "ClusterPolicyReport", results: "nope" },
    ];
    const partial = { apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", metadata: { name: "r", namespace: "a" }, report: { artifact: { repository: "x", tag: "1" }, vulnerabilities: [null, { vulnerabilityID: "CVE-2024-0001" }, { vulnerabilityID: "CVE-2024-0002", resource: "p", severity: 9, score: "high" }] } };
    const out = inClusterVulnReports([...(bad as KubeObject[]), partial as unknown as KubeObject]);
    expect(out).toHaveLength(2);
    const withVulns = out.find((r) => r.vulnerabilities.length > 0)!;
    expect(withVulns.vulnerabilities).toEqual([{ id: "CVE-2024-0002", package: "p", installedVersion: "", severity: "unknown" }]);
    // The engine over the same objects judges, without a rule error.
    const r = evaluate(clusterSnapshot([...(bad.filter((b) => typeof b === "object" && b) as KubeObject[]), partial as unknown as KubeObject]));
    expect(r.rules.find((s) => s.id === "image-vulnerabilities")!.status).toBe("passed");
  });
});

describe("PolicyReport results that name a CVE", () => {
  const objs = load("policy-reports.yaml");

  it("become one report per workload and image, failing and warning results only", () => {
    const out = inClusterVulnReports(objs);
    expect(out).toHaveLength(1);
    const r = out[0]!;
    expect(r).toMatchObject({
      source: "policy-report",
      scanner: { name: "Trivy Vulnerability" },
      image: { registry: "ghcr.io", repository: "acme/api", tag: "2.3.1" },
      target: { kind: "ReplicaSet", namespace: "shop", name: "api-5c9d7f8b6d", uid: "0b000000-0000-4000-8000-000000000002" },
      origin: "PolicyReport shop/trivy-vuln-polr-replicaset-api-5c9d7f8b6d",
    });
    expect(r.updatedAt).toBe(new Date(1795932000 * 1000).toISOString());
    expect(r.vulnerabilities.map((v) => [v.id, v.severity, v.package, v.fixedVersion])).toEqual([
      ["CVE-2023-39325", "high", "golang.org/x/net", "0.17.0"],
      ["CVE-2024-24790", "critical", "stdlib", "1.21.11, 1.22.4"],
      ["CVE-2023-45288", "medium", "golang.org/x/net", "0.23.0"],
    ]);
    expect(r.vulnerabilities[1]!.score).toBe(9.8);
  });

  it("ignore results of another namespace's resources and reports without an image", () => {
    const pr = structuredClone(objs[0]!) as any;
    pr.results[0].resources[0].namespace = "other";
    for (const x of pr.results.slice(1)) delete x.properties["artifact.repository"];
    expect(inClusterVulnReports([pr])).toEqual([]);
  });

  it("attach to the Deployment that owns the ReplicaSet", () => {
    const workload: KubeObject[] = [
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "api", namespace: "shop", uid: "0b000000-0000-4000-8000-000000000001" }, spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "ghcr.io/acme/api:2.3.1" }, { name: "proxy", image: "envoyproxy/envoy:v1.30.1" }] } } } },
      { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "api-5c9d7f8b6d", namespace: "shop", uid: "0b000000-0000-4000-8000-000000000002", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "api", uid: "0b000000-0000-4000-8000-000000000001", controller: true }] }, spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "ghcr.io/acme/api:2.3.1" }, { name: "proxy", image: "envoyproxy/envoy:v1.30.1" }] } } } },
    ];
    const r = evaluate(clusterSnapshot([...workload, ...objs], "1.30", "2026-12-03T00:00:00Z"));
    const fs = r.findings.filter((f) => f.ruleId === "image-vulnerabilities");
    // The report names no container: it attaches to the one whose image it describes.
    expect(fs.map((f) => [f.object.kind, f.path, f.severity])).toEqual([["Deployment", "spec.template.spec.containers[0].image", "critical"]]);
    expect(fs[0]!.details!.vulnerabilities!.source).toBe("policy-report");
  });
});

describe("Trivy Operator ExposedSecretReport", () => {
  const secretReport: KubeObject = {
    apiVersion: "aquasecurity.github.io/v1alpha1",
    kind: "ExposedSecretReport",
    metadata: {
      name: "replicaset-app-67b77f5965-app",
      namespace: "default",
      labels: { "trivy-operator.container.name": "app", "trivy-operator.resource.kind": "ReplicaSet", "trivy-operator.resource.name": "app-67b77f5965", "trivy-operator.resource.namespace": "default" },
    },
    report: {
      artifact: { repository: "myimagewithsecret", tag: "v0.16.3" },
      registry: { server: "index.docker.io" },
      scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.58.1" },
      summary: { criticalCount: 1, highCount: 0, mediumCount: 0, lowCount: 0 },
      updateTimestamp: "2026-12-01T06:00:00Z",
      secrets: [{ category: "AWS", match: "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ruleID: "aws-secret-access-key", severity: "CRITICAL", target: "/app/.env", title: "AWS Secret Access Key" }],
    },
  };

  it("keeps rule, category, severity, title and file, never the matched text", () => {
    const [r] = inClusterSecretReports([secretReport]);
    expect(r!.secrets).toEqual([{ ruleId: "aws-secret-access-key", category: "AWS", severity: "critical", title: "AWS Secret Access Key", target: "/app/.env" }]);
    expect(JSON.stringify(r)).not.toContain("wJalrXUtnFEMI");
  });

  it("yields one finding on the top workload whose message never shows the secret", () => {
    const workload: KubeObject[] = [
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "app", namespace: "default", uid: "s-1" }, spec: { selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" } }, spec: { containers: [{ name: "app", image: "myimagewithsecret:v0.16.3" }] } } } },
      { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "app-67b77f5965", namespace: "default", uid: "s-2", ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "app", uid: "s-1", controller: true }] }, spec: { selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" } }, spec: { containers: [{ name: "app", image: "myimagewithsecret:v0.16.3" }] } } } },
    ];
    const r = evaluate(clusterSnapshot([...workload, secretReport], "1.30", "2026-12-20T00:00:00Z"));
    const fs = r.findings.filter((f) => f.ruleId === "image-exposed-secrets");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "critical", object: { kind: "Deployment", name: "app" }, path: "spec.template.spec.containers[0].image" });
    expect(fs[0]!.message).toContain("AWS Secret Access Key in /app/.env");
    expect(fs[0]!.message).toContain("18 days old: stale");
    expect(JSON.stringify(r)).not.toContain("wJalrXUtnFEMI");
  });
});
