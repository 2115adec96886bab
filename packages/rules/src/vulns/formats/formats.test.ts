// The three importable formats against documents shaped as Trivy, Grype, Trivy's CycloneDX, Syft
// and a hand-written CycloneDX VEX write them, and every way a document can be wrong.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countVulns, imageKeyOf } from "../image-key";
import { MAX_VULN_DOCUMENT_BYTES, MAX_VULNS_PER_DOCUMENT, VulnDocumentError, type Vulnerability } from "../types";
import { parseVulnDocument } from "./index";

const FIXTURES = join(import.meta.dirname, "fixtures");
const read = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const json = (name: string) => JSON.parse(read(name)) as Record<string, any>;
const NGINX_DIGEST = "sha256:c0b10b1f6af8e59627bdede5c49dc1ee7aa69493a8a6a2c1b3c5c4eaf39d4801";

function byId(vulns: Vulnerability[], id: string, pkg?: string): Vulnerability {
  const v = vulns.find((x) => x.id === id && (pkg === undefined || x.package === pkg));
  expect(v, `${id} ${pkg ?? ""}`).toBeDefined();
  return v!;
}

function rejects(text: string, reason: RegExp, opts?: { image?: string }): void {
  let error: unknown;
  try {
    parseVulnDocument(text, opts);
  } catch (e) {
    error = e;
  }
  expect(error, `expected a VulnDocumentError matching ${reason}`).toBeInstanceOf(VulnDocumentError);
  expect((error as Error).message).toMatch(reason);
}

describe("Trivy JSON", () => {
  const { format, report } = parseVulnDocument(read("trivy-nginx-1.21.0.json"));

  it("names the image by tag and registry digest (not the config ImageID)", () => {
    expect(format).toBe("trivy");
    expect(report.source).toBe("trivy");
    expect(report.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST });
    expect(report.updatedAt).toBe("2026-12-05T09:12:44.418Z");
    expect(report.scanner).toEqual({ name: "Trivy" });
  });

  it("reads every vulnerability with severity, fix, NVD score, title and link", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    const entries = doc.Results.flatMap((r: any) => r.Vulnerabilities ?? []);
    expect(report.vulnerabilities).toHaveLength(entries.length);
    const nginx = byId(report.vulnerabilities, "CVE-2021-23017");
    expect(nginx).toEqual({
      id: "CVE-2021-23017",
      package: "nginx",
      installedVersion: "1.21.0-1~buster",
      fixedVersion: "1.21.1-1~buster",
      severity: "critical",
      score: 9.8,
      title: "nginx: Off-by-one in ngx_resolver_copy() when labels are followed by a pointer to a root domain name",
      link: "https://avd.aquasec.com/nvd/cve-2021-23017",
    });
    // One CVE in two packages is two entries: each needs its own upgrade.
    expect(report.vulnerabilities.filter((v) => v.id === "CVE-2022-0778").map((v) => v.package).sort()).toEqual(["libssl1.1", "openssl"]);
    expect(byId(report.vulnerabilities, "CVE-2021-33574").fixedVersion).toBeUndefined();
    expect(byId(report.vulnerabilities, "CVE-2011-3374").severity).toBe("low");
    expect(byId(report.vulnerabilities, "CVE-2023-4911").vex).toEqual({ state: "not_affected" });
    const counts = countVulns(report.vulnerabilities);
    expect(counts.critical).toEqual({ total: 2, fixable: 1 });
    expect(counts.high).toEqual({ total: 3, fixable: 2 });
  });

  it("reads the Trivy version newer releases write, and an image without results as clean", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.Trivy = { Version: "0.58.1" };
    delete doc.Results;
    const { report: r } = parseVulnDocument(JSON.stringify(doc));
    expect(r.scanner).toEqual({ name: "Trivy", version: "0.58.1" });
    expect(r.vulnerabilities).toEqual([]);
  });

  it("keeps one entry when Trivy repeats a package's CVE across targets", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.Results.push(JSON.parse(JSON.stringify(doc.Results[0])));
    const { report: r } = parseVulnDocument(JSON.stringify(doc));
    expect(r.vulnerabilities).toHaveLength(report.vulnerabilities.length);
  });

  it("takes the image from --image for a tarball scan, and pins a tag-only name to the given digest", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.ArtifactName = "build/nginx.tar";
    doc.Metadata.RepoTags = [];
    doc.Metadata.RepoDigests = [];
    rejects(JSON.stringify(doc), /names no container image; give the image/);
    const pinned = parseVulnDocument(JSON.stringify(doc), { image: `ghcr.io/acme/edge@${NGINX_DIGEST}` }).report.image;
    expect(pinned).toEqual({ registry: "ghcr.io", repository: "acme/edge", digest: NGINX_DIGEST });
    const tagOnly = json("trivy-nginx-1.21.0.json");
    tagOnly.Metadata.RepoDigests = [];
    const withDigest = parseVulnDocument(JSON.stringify(tagOnly), { image: `nginx@${NGINX_DIGEST}` }).report.image;
    expect(withDigest).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST });
  });

  it("refuses an --image digest that is not the scanned image's", () => {
    const other = "sha256:" + "a".repeat(64);
    rejects(read("trivy-nginx-1.21.0.json"), /is not the one the Trivy document scanned/, { image: `nginx@${other}` });
  });

  it("refuses a filesystem scan without an image, and schema version 1", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.ArtifactType = "filesystem";
    doc.ArtifactName = ".";
    rejects(JSON.stringify(doc), /scanned a filesystem, not a container image/);
    expect(parseVulnDocument(JSON.stringify(doc), { image: "ghcr.io/acme/app:1.0" }).report.image).toEqual({ registry: "ghcr.io", repository: "acme/app", tag: "1.0" });
    rejects(JSON.stringify({ ...json("trivy-nginx-1.21.0.json"), SchemaVersion: 1 }), /SchemaVersion 1 is not supported/);
    rejects(JSON.stringify([{ Target: "nginx", Vulnerabilities: [] }]), /top level is an array/);
  });

  it("names the missing field of a malformed vulnerability", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    delete doc.Results[0].Vulnerabilities[1].PkgName;
    rejects(JSON.stringify(doc), /Results\[0\]\.Vulnerabilities\[1\]\.PkgName is missing/);
    const bad = json("trivy-nginx-1.21.0.json");
    bad.Results[0].Vulnerabilities[0].VulnerabilityID = "CVE 2021 23017; rm -rf /";
    rejects(JSON.stringify(bad), /VulnerabilityID is not a vulnerability id/);
    const notArray = json("trivy-nginx-1.21.0.json");
    notArray.Results = { Target: "x" };
    rejects(JSON.stringify(notArray), /Results must be an array/);
  });

  it("keeps only web links and strips terminal control characters", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.Results[0].Vulnerabilities[0].PrimaryURL = "javascript:alert(document.cookie)";
    doc.Results[0].Vulnerabilities[0].Title = "nginx\u001b[2J\u001b]0;pwned\u0007 resolver";
    const v = byId(parseVulnDocument(JSON.stringify(doc)).report.vulnerabilities, "CVE-2021-23017");
    expect(v.link).toBeUndefined();
    expect(v.title).not.toMatch(/[\u0000-\u001f]/);
    expect(v.title).toMatch(/^nginx .*resolver$/);
  });
});

describe("Grype JSON", () => {
  it("reads an image scan: severity spelling, fix state, NVD CVSS v3, repo digest", () => {
    const { format, report } = parseVulnDocument(read("grype-nginx-1.21.0.json"));
    expect(format).toBe("grype");
    expect(report.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST });
    expect(report.scanner).toEqual({ name: "grype", version: "0.84.0" });
    expect(report.updatedAt).toBe("2026-12-06T14:02:11.207Z");
    const nginx = byId(report.vulnerabilities, "CVE-2021-23017");
    expect(nginx).toMatchObject({ package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical", score: 9.8 });
    expect(nginx.title).toMatch(/^A security issue in nginx resolver was identified/);
    // wont-fix and not-fixed are no fix; "Negligible" is low.
    expect(byId(report.vulnerabilities, "CVE-2021-33574").fixedVersion).toBeUndefined();
    expect(byId(report.vulnerabilities, "CVE-2011-3374")).toMatchObject({ severity: "low", score: 3.7 });
    // The same match at two locations is one vulnerability.
    expect(report.vulnerabilities.filter((v) => v.id === "CVE-2022-0778")).toHaveLength(1);
    expect(report.vulnerabilities).toHaveLength(4);
  });

  it("agrees with Trivy on the same image", () => {
    const trivy = parseVulnDocument(read("trivy-nginx-1.21.0.json")).report;
    const grype = parseVulnDocument(read("grype-nginx-1.21.0.json")).report;
    const fixableCritical = (vs: Vulnerability[]) => vs.filter((v) => v.severity === "critical" && v.fixedVersion).map((v) => `${v.id} ${v.package} ${v.fixedVersion}`);
    expect(fixableCritical(grype.vulnerabilities)).toEqual(fixableCritical(trivy.vulnerabilities));
  });

  it("keeps a GHSA's CVE as an alias, takes NVD's rating when the distro has none, and keeps VEX-ignored matches as excepted", () => {
    const { report } = parseVulnDocument(read("grype-checkout-2.3.0.json"));
    expect(report.image).toEqual({ registry: "ghcr.io", repository: "acme-shop/checkout", tag: "2.3.0", digest: "sha256:bbb6d06ecae390cc5aeeb7a9d7e6184f2f8d16620baf9c4ee5c0896ba91019ed" });
    expect(byId(report.vulnerabilities, "GHSA-35jh-r3h4-6jhm")).toMatchObject({ aliases: ["CVE-2021-23337"], package: "lodash", fixedVersion: "4.17.21", severity: "high", score: 7.2, title: "Command Injection in lodash", link: "https://github.com/advisories/GHSA-35jh-r3h4-6jhm" });
    expect(byId(report.vulnerabilities, "CVE-2024-28085")).toMatchObject({ severity: "medium", package: "bsdutils", fixedVersion: "2.38.1-5+deb12u1" });
    expect(byId(report.vulnerabilities, "CVE-2023-45853")).toMatchObject({ severity: "critical" });
    expect(byId(report.vulnerabilities, "CVE-2023-45853").fixedVersion).toBeUndefined();
    expect(byId(report.vulnerabilities, "GHSA-c2qf-rxjj-qqgw").vex).toEqual({ state: "not_affected", justification: "vulnerable_code_not_in_execute_path", detail: "semver ranges come only from our own package.json at build time" });
    // Ignored by a plain ignore rule, not by VEX: it says nothing about the image.
    expect(report.vulnerabilities.some((v) => v.id === "CVE-2022-27943")).toBe(false);
  });

  it("needs an image for a directory scan and names a missing artifact", () => {
    const doc = json("grype-nginx-1.21.0.json");
    doc.source = { type: "directory", target: "/src" };
    rejects(JSON.stringify(doc), /scanned a directory, not a container image/);
    expect(parseVulnDocument(JSON.stringify(doc), { image: "nginx:1.21.0" }).report.image).toEqual(imageKeyOf("nginx:1.21.0"));
    const bad = json("grype-nginx-1.21.0.json");
    delete bad.matches[2].artifact;
    rejects(JSON.stringify(bad), /matches\[2\]\.artifact is missing/);
  });
});

describe("CycloneDX", () => {
  it("reads Trivy's CycloneDX vulnerabilities: image from the pkg:oci purl, fix from the recommendation", () => {
    const { format, report } = parseVulnDocument(read("cyclonedx-trivy-nginx-1.21.0.json"));
    expect(format).toBe("cyclonedx");
    expect(report.source).toBe("cyclonedx");
    expect(report.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST });
    expect(report.scanner).toEqual({ name: "trivy", version: "0.58.1" });
    expect(report.updatedAt).toBe("2026-12-05T09:12:44.000Z");
    expect(byId(report.vulnerabilities, "CVE-2021-23017")).toMatchObject({ package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical", score: 9.8, link: "https://avd.aquasec.com/nvd/cve-2021-23017" });
    // The source's own rating (debian: high) is the severity; the best CVSS method gives the score.
    expect(byId(report.vulnerabilities, "CVE-2022-0778")).toMatchObject({ package: "libssl1.1", installedVersion: "1.1.1d-0+deb10u6", fixedVersion: "1.1.1d-0+deb10u8", severity: "high", score: 7.5 });
    expect(byId(report.vulnerabilities, "CVE-2021-33574")).toMatchObject({ severity: "critical", score: 9.8 });
    expect(byId(report.vulnerabilities, "CVE-2021-33574").fixedVersion).toBeUndefined();
    const trivy = parseVulnDocument(read("trivy-nginx-1.21.0.json")).report;
    expect(countVulns(report.vulnerabilities).critical).toEqual(countVulns(trivy.vulnerabilities).critical);
  });

  it("reads a standalone VEX document for an image given by reference, through BOM-Links", () => {
    rejects(read("cyclonedx-vex-nginx.json"), /names no container image/);
    const { report } = parseVulnDocument(read("cyclonedx-vex-nginx.json"), { image: `nginx:1.21.0@${NGINX_DIGEST}` });
    expect(report.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: NGINX_DIGEST });
    expect(report.scanner).toEqual({ name: "platform-security-vex", version: "2.4.0" });
    expect(byId(report.vulnerabilities, "CVE-2021-33574")).toMatchObject({
      package: "libc6",
      installedVersion: "2.28-10",
      vex: { state: "not_affected", justification: "code_not_reachable", detail: "nginx does not use POSIX message queues; mq_notify is never called." },
    });
    expect(byId(report.vulnerabilities, "CVE-2021-23017")).toMatchObject({ severity: "critical", vex: { state: "affected" } });
    expect(byId(report.vulnerabilities, "CVE-2022-0778")).toMatchObject({ package: "libssl1.1", installedVersion: "1.1.1d-0+deb10u6", severity: "unknown", vex: { state: "under_investigation" } });
  });

  it("maps every analysis state as CycloneDX defines it", () => {
    const doc = json("cyclonedx-vex-nginx.json");
    const states = { not_affected: "not_affected", false_positive: "not_affected", resolved: "fixed", exploitable: "affected", in_triage: "under_investigation" } as const;
    for (const [state, vex] of Object.entries(states)) {
      doc.vulnerabilities[0].analysis = { state };
      const v = byId(parseVulnDocument(JSON.stringify(doc), { image: "nginx:1.21.0" }).report.vulnerabilities, "CVE-2021-33574");
      expect(v.vex?.state, state).toBe(vex);
    }
  });

  it("reads a Syft SBOM without vulnerabilities as an image with nothing known against it", () => {
    const { format, report } = parseVulnDocument(read("cyclonedx-syft-distroless.json"));
    expect(format).toBe("cyclonedx");
    expect(report.image).toEqual({ registry: "gcr.io", repository: "distroless/static-debian12", digest: "sha256:6f68261444e524c701c4622a965f1e1dcca760b96995fd60c9ab19f160d18998" });
    expect(report.scanner).toEqual({ name: "syft", version: "1.18.1" });
    expect(report.vulnerabilities).toEqual([]);
  });

  it("reads 1.4's tools array, and a component named by name and tag", () => {
    const doc = json("cyclonedx-syft-distroless.json");
    doc.specVersion = "1.4";
    doc.metadata.tools = [{ vendor: "anchore", name: "syft", version: "0.98.0" }];
    doc.metadata.component = { "bom-ref": "x", type: "container", name: "ghcr.io/acme/app", version: "1.4.2" };
    const { report } = parseVulnDocument(JSON.stringify(doc));
    expect(report.scanner).toEqual({ name: "syft", version: "0.98.0" });
    expect(report.image).toEqual({ registry: "ghcr.io", repository: "acme/app", tag: "1.4.2" });
  });

  it("refuses unsupported spec versions, a missing id or ref, and an application SBOM without an image", () => {
    rejects(JSON.stringify({ ...json("cyclonedx-syft-distroless.json"), specVersion: "1.2" }), /specVersion "1\.2" is not supported/);
    rejects(JSON.stringify({ ...json("cyclonedx-syft-distroless.json"), specVersion: undefined }), /specVersion is missing/);
    const noId = json("cyclonedx-trivy-nginx-1.21.0.json");
    delete noId.vulnerabilities[1].id;
    rejects(JSON.stringify(noId), /vulnerabilities\[1\]\.id is missing/);
    const noRef = json("cyclonedx-trivy-nginx-1.21.0.json");
    delete noRef.vulnerabilities[0].affects[0].ref;
    rejects(JSON.stringify(noRef), /vulnerabilities\[0\]\.affects\[0\]\.ref is missing/);
    const app = json("cyclonedx-syft-distroless.json");
    app.metadata.component.type = "application";
    rejects(JSON.stringify(app), /names no container image/);
  });
});

describe("any document", () => {
  it("refuses what is not JSON, empty, XML, or another format, saying what was expected", () => {
    rejects("", /the document is empty/);
    rejects("   \n", /the document is empty/);
    rejects("{\"SchemaVersion\": 2,", /not valid JSON: .*expected Trivy JSON/);
    rejects("nginx:1.21.0 (debian 10.9)\n=====\nTotal: 3", /not valid JSON/);
    rejects("<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"/>", /is XML.*CycloneDX XML is not supported/);
    rejects(JSON.stringify({ $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [] }), /not a Trivy, Grype or CycloneDX JSON document: it is a SARIF log/);
    rejects(JSON.stringify({ spdxVersion: "SPDX-2.3", packages: [] }), /it is an SPDX document/);
    rejects(JSON.stringify({ bomFormat: "SPDX" }), /bomFormat is "SPDX"/);
    rejects(JSON.stringify({ apiVersion: "aquasecurity.github.io/v1alpha1", kind: "VulnerabilityReport", report: { vulnerabilities: [] } }), /Trivy Operator VulnerabilityReport; Bulwark reads those from the cluster/);
    rejects(JSON.stringify({ hello: "world" }), /top-level fields are "hello"/);
    rejects("42", /top level is not an object/);
    rejects("null", /top level is not an object/);
  });

  it("refuses a document over the size limit before parsing it", () => {
    const big = `{"bomFormat":"CycloneDX","pad":"${"x".repeat(MAX_VULN_DOCUMENT_BYTES)}"}`;
    rejects(big, /the document is 32(\.0)? MiB, the limit is 32 MiB/);
    // Multi-byte text is measured in bytes, not characters.
    const wide = `{"pad":"${"é".repeat(Math.ceil(MAX_VULN_DOCUMENT_BYTES / 2) + 10)}"}`;
    expect(wide.length).toBeLessThan(MAX_VULN_DOCUMENT_BYTES);
    rejects(wide, /the limit is 32 MiB/);
  });

  it("refuses more vulnerabilities than one image has", () => {
    const doc = json("trivy-nginx-1.21.0.json");
    doc.Results[0].Vulnerabilities = Array.from({ length: MAX_VULNS_PER_DOCUMENT + 1 }, (_, i) => ({ VulnerabilityID: `CVE-2024-${10000 + i}`, PkgName: "libc6", InstalledVersion: "2.28-10", Severity: "LOW" }));
    rejects(JSON.stringify(doc), /more than 50,000 vulnerabilities/);
  });

  it("refuses an --image that is not an image reference", () => {
    rejects(read("cyclonedx-vex-nginx.json"), /must be an image reference/, { image: "not an image; echo hi" });
    rejects(read("cyclonedx-vex-nginx.json"), /must be an image reference/, { image: "" });
  });

  it("takes a tag-less name as the latest tag, as a pull does", () => {
    expect(parseVulnDocument(read("cyclonedx-vex-nginx.json"), { image: "nginx" }).report.image).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "latest" });
  });

  it("is not fooled by __proto__ keys", () => {
    const doc = read("trivy-nginx-1.21.0.json").replace('"SchemaVersion": 2,', '"SchemaVersion": 2, "__proto__": {"polluted": true},');
    const { report } = parseVulnDocument(doc);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(report.vulnerabilities.length).toBeGreaterThan(0);
  });
});
