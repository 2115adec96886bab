// Scanner reports read from a cluster keep what the engine reads and drop the bulk: 1,000
// VulnerabilityReports of 200 CVEs each must fit a snapshot, and an exposed secret's matched line
// must never enter one.
import { describe, expect, it } from "vitest";
import { minimizeObject } from "./minimize";

const LONG = "An attacker can exploit this flaw to cause a denial of service or execute code. ".repeat(12);

/** A vulnerability as Trivy Operator 0.2x writes it into a VulnerabilityReport. */
function trivyOperatorVuln(i: number): Record<string, unknown> {
  return {
    vulnerabilityID: `CVE-2024-${20000 + i}`,
    resource: i % 2 ? "libssl3" : "zlib1g",
    installedVersion: "3.0.11-1~deb12u2",
    fixedVersion: i % 3 ? "3.0.13-1~deb12u1" : "",
    publishedDate: "2024-03-11T22:15:54Z",
    lastModifiedDate: "2024-06-10T17:16:24Z",
    severity: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][i % 4],
    title: "openssl: Excessive time spent checking DH q parameter value",
    primaryLink: `https://avd.aquasec.com/nvd/cve-2024-${20000 + i}`,
    links: [`https://nvd.nist.gov/vuln/detail/CVE-2024-${20000 + i}`, "https://www.openssl.org/news/secadv/20240115.txt", "https://security-tracker.debian.org/tracker/"],
    score: 7.5,
    target: "",
    class: "os-pkgs",
    packageType: "debian",
    description: LONG,
    cvss: { nvd: { V3Score: 7.5, V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H" }, redhat: { V3Score: 5.3, V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L" } },
    cvsssource: "nvd",
  };
}

function vulnerabilityReport(n: number): Record<string, unknown> {
  return {
    metadata: {
      name: "replicaset-web-6d4cf56db6-web",
      namespace: "shop",
      labels: { "trivy-operator.resource.kind": "ReplicaSet", "trivy-operator.resource.name": "web-6d4cf56db6", "trivy-operator.resource.namespace": "shop", "trivy-operator.container.name": "web" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-6d4cf56db6", uid: "u1", controller: true }],
      managedFields: [{ manager: "trivy-operator" }],
    },
    report: {
      artifact: { repository: "library/nginx", tag: "1.25.3", digest: "sha256:" + "c".repeat(64) },
      registry: { server: "index.docker.io" },
      os: { family: "debian", name: "12.4" },
      scanner: { name: "Trivy", vendor: "Aqua Security", version: "0.58.1" },
      summary: { criticalCount: 50, highCount: 50, mediumCount: 50, lowCount: 50, noneCount: 0, unknownCount: 0 },
      updateTimestamp: "2026-12-06T06:00:00Z",
      vulnerabilities: Array.from({ length: n }, (_, i) => trivyOperatorVuln(i)),
    },
  };
}

describe("minimizeObject on scanner reports", () => {
  it("keeps a VulnerabilityReport's identity and each CVE's judged fields, at a fraction of the size", () => {
    const raw = vulnerabilityReport(200);
    const before = JSON.stringify(raw).length;
    const out = minimizeObject(raw, "aquasecurity.github.io/v1alpha1", "VulnerabilityReport") as unknown as { metadata: Record<string, unknown>; report: Record<string, any> };
    const after = JSON.stringify(out).length;
    expect(after).toBeLessThan(before / 4);
    // 1,000 such reports stay well under the default scan budget.
    expect(after * 1000).toBeLessThan(80 * 1024 * 1024);
    expect(out.metadata.labels).toMatchObject({ "trivy-operator.resource.kind": "ReplicaSet", "trivy-operator.container.name": "web" });
    expect(out.metadata.ownerReferences).toHaveLength(1);
    expect(out.report.artifact).toEqual({ repository: "library/nginx", tag: "1.25.3", digest: "sha256:" + "c".repeat(64) });
    expect(out.report.registry).toEqual({ server: "index.docker.io" });
    expect(out.report.updateTimestamp).toBe("2026-12-06T06:00:00Z");
    expect(out.report.scanner.version).toBe("0.58.1");
    expect(out.report.vulnerabilities).toHaveLength(200);
    expect(out.report.vulnerabilities[1]).toEqual({
      vulnerabilityID: "CVE-2024-20001",
      resource: "libssl3",
      installedVersion: "3.0.11-1~deb12u2",
      fixedVersion: "3.0.13-1~deb12u1",
      severity: "HIGH",
      score: 7.5,
      title: "openssl: Excessive time spent checking DH q parameter value",
      primaryLink: "https://avd.aquasec.com/nvd/cve-2024-20001",
      target: "",
      class: "os-pkgs",
      packageType: "debian",
    });
  });

  it("keeps the first link of a vulnerability without primaryLink", () => {
    const raw = vulnerabilityReport(1);
    const v = (raw.report as any).vulnerabilities[0];
    delete v.primaryLink;
    const out = minimizeObject(raw, "aquasecurity.github.io/v1alpha1", "VulnerabilityReport") as any;
    expect(out.report.vulnerabilities[0].links).toEqual(["https://nvd.nist.gov/vuln/detail/CVE-2024-20000"]);
  });

  it("never keeps an exposed secret's matched text", () => {
    const out = minimizeObject(
      {
        metadata: { name: "replicaset-api-7f9c-api", namespace: "shop" },
        report: {
          artifact: { repository: "acme/api", tag: "2.0.1" },
          summary: { criticalCount: 1, highCount: 0, mediumCount: 0, lowCount: 0 },
          secrets: [{ target: "/app/.env", ruleID: "aws-access-key-id", title: "AWS Access Key ID", category: "AWS", severity: "CRITICAL", match: "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE" }],
        },
      },
      "aquasecurity.github.io/v1alpha1",
      "ExposedSecretReport",
    );
    expect(JSON.stringify(out)).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect((out.report as any).secrets[0]).toEqual({ target: "/app/.env", ruleID: "aws-access-key-id", title: "AWS Access Key ID", category: "AWS", severity: "CRITICAL" });
  });

  it("keeps failed checks whole and passed ones as their verdict", () => {
    const out = minimizeObject(
      {
        metadata: { name: "replicaset-web-6d4cf56db6", namespace: "shop" },
        report: {
          scanner: { name: "Trivy", version: "0.58.1" },
          summary: { criticalCount: 0, highCount: 1, mediumCount: 0, lowCount: 0 },
          checks: [
            { checkID: "KSV017", title: "Privileged container", severity: "HIGH", category: "Kubernetes Security Check", success: false, description: LONG, messages: ["Container 'web' of ReplicaSet 'web-6d4cf56db6' should set 'securityContext.privileged' to false"], remediation: "Change 'containers[].securityContext.privileged' to 'false'." },
            { checkID: "KSV001", title: "Process can elevate its own privileges", severity: "MEDIUM", category: "Kubernetes Security Check", success: true, description: LONG, messages: [] },
          ],
        },
      },
      "aquasecurity.github.io/v1alpha1",
      "ConfigAuditReport",
    );
    const checks = (out.report as any).checks;
    expect(checks[0]).toEqual({ checkID: "KSV017", title: "Privileged container", severity: "HIGH", category: "Kubernetes Security Check", success: false, messages: ["Container 'web' of ReplicaSet 'web-6d4cf56db6' should set 'securityContext.privileged' to false"] });
    expect(checks[1]).toEqual({ checkID: "KSV001", severity: "MEDIUM", success: true });
  });

  it("keeps a PolicyReport's failing results (with their properties) and drops passes", () => {
    const out = minimizeObject(
      {
        metadata: { name: "trivy-vuln-polr-shop-web", namespace: "shop" },
        scope: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-6d4cf56db6", namespace: "shop" },
        summary: { pass: 1, fail: 1, warn: 0, error: 0, skip: 0 },
        results: [
          { policy: "CVE-2021-23017", rule: "nginx", result: "fail", severity: "critical", category: "Vulnerability Scan", source: "Trivy Vulnerability", message: "nginx: Off-by-one in ngx_resolver_copy()", scored: true, timestamp: { seconds: 1765000000, nanos: 0 }, properties: { fixedVersion: "1.21.1-1~buster", installedVersion: "1.21.0-1~buster", primaryURL: "https://avd.aquasec.com/nvd/cve-2021-23017", resource: "nginx" }, resources: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-6d4cf56db6", namespace: "shop" }] },
          { policy: "require-labels", rule: "check-team", result: "pass", message: "validation rule 'check-team' passed.", source: "kyverno" },
        ],
      },
      "wgpolicyk8s.io/v1alpha2",
      "PolicyReport",
    );
    const results = (out as any).results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ policy: "CVE-2021-23017", result: "fail", properties: { fixedVersion: "1.21.1-1~buster" } });
    expect((out as any).summary).toEqual({ pass: 1, fail: 1, warn: 0, error: 0, skip: 0 });
    expect((out as any).scope.kind).toBe("ReplicaSet");
  });

  it("leaves a malformed report readable rather than failing the read", () => {
    const out = minimizeObject({ metadata: { name: "x", namespace: "y" }, report: { vulnerabilities: "nope", artifact: 3 } }, "aquasecurity.github.io/v1alpha1", "VulnerabilityReport");
    expect(out.report).toEqual({ artifact: 3 });
    const pr = minimizeObject({ metadata: { name: "p" }, results: [null, 7, { result: "fail", policy: "p" }] }, "wgpolicyk8s.io/v1alpha2", "ClusterPolicyReport");
    expect((pr as any).results).toEqual([{ result: "fail", policy: "p" }]);
  });
});
