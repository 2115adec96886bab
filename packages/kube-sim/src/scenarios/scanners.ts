// What in-cluster scanners leave in a cluster, shaped as they write it: Trivy Operator's CRDs and
// reports (aquasecurity.github.io/v1alpha1: VulnerabilityReport, ExposedSecretReport,
// ConfigAuditReport), and wg-policy PolicyReports (wgpolicyk8s.io/v1alpha2) as Kyverno writes them
// and as the Trivy Operator PolicyReport adapter writes vulnerabilities. Reports draw nothing from
// the scenario's random stream, so adding them changes no other object.
import type { KubeObject } from "../types";
import { uid, type Ctx } from "./builders";

const AQUA = "aquasecurity.github.io";
const WG = "wgpolicyk8s.io";
const HOUR = 3_600_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function crd(c: Ctx, group: string, version: string, kind: string, plural: string, scope: "Namespaced" | "Cluster", shortNames: string[], columns: Array<{ name: string; type: string; jsonPath: string }>): KubeObject {
  const name = `${plural}.${group}`;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name, uid: uid(c.seed, "CustomResourceDefinition", name), creationTimestamp: iso(c.now - 90 * 24 * HOUR), labels: group === AQUA ? { "app.kubernetes.io/managed-by": "helm", "app.kubernetes.io/name": "trivy-operator" } : { "app.kubernetes.io/name": "kyverno" } },
    spec: {
      group,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), shortNames, ...(group === AQUA ? { categories: [] } : {}) },
      scope,
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          additionalPrinterColumns: [...columns, { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" }],
          schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
          subresources: {},
        },
      ],
    },
  };
}

/** Trivy Operator's CRDs for the report kinds these scenarios hold. */
export function trivyOperatorCrds(c: Ctx): KubeObject[] {
  const summary = (sev: string) => ({ name: sev, type: "integer", jsonPath: `.report.summary.${sev.toLowerCase()}Count` });
  return [
    crd(c, AQUA, "v1alpha1", "VulnerabilityReport", "vulnerabilityreports", "Namespaced", ["vuln", "vulns"], [
      { name: "Repository", type: "string", jsonPath: ".report.artifact.repository" },
      { name: "Tag", type: "string", jsonPath: ".report.artifact.tag" },
      { name: "Scanner", type: "string", jsonPath: ".report.scanner.name" },
      summary("Critical"),
      summary("High"),
    ]),
    crd(c, AQUA, "v1alpha1", "ExposedSecretReport", "exposedsecretreports", "Namespaced", ["exposedsecret", "exposedsecrets"], [
      { name: "Repository", type: "string", jsonPath: ".report.artifact.repository" },
      { name: "Scanner", type: "string", jsonPath: ".report.scanner.name" },
      summary("Critical"),
    ]),
    crd(c, AQUA, "v1alpha1", "ConfigAuditReport", "configauditreports", "Namespaced", ["configaudit", "configaudits"], [
      { name: "Scanner", type: "string", jsonPath: ".report.scanner.name" },
      summary("Critical"),
      summary("High"),
    ]),
  ];
}

/** The wg-policy PolicyReport CRDs (as Kyverno installs them). */
export function policyReportCrds(c: Ctx): KubeObject[] {
  const cols = ["Pass", "Fail", "Warn", "Error", "Skip"].map((n) => ({ name: n, type: "integer", jsonPath: `.summary.${n.toLowerCase()}` }));
  return [crd(c, WG, "v1alpha2", "PolicyReport", "policyreports", "Namespaced", ["polr"], cols), crd(c, WG, "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", "Cluster", ["cpolr"], cols)];
}

/** One vulnerability as the scenario states it; the report adds what Trivy adds around it. */
export interface Cve {
  id: string;
  pkg: string;
  installed: string;
  fixed?: string;
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "UNKNOWN";
  score?: number;
  title: string;
  /** os-pkgs (default) or lang-pkgs with its package type and file. */
  lang?: { type: string; path: string };
}

/** registry server and repository as Trivy Operator records them (Docker Hub is index.docker.io). */
export function artifactOf(image: string): { server: string; repository: string; tag?: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split("/")[0]!;
  const hasHost = rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const server = hasHost ? first : "index.docker.io";
  let repository = hasHost ? rest.slice(first.length + 1) : rest;
  if (!hasHost && !repository.includes("/")) repository = `library/${repository}`;
  return { server, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

function summaryOf(cves: readonly Cve[]): Record<string, number> {
  const n = (s: Cve["severity"]) => cves.filter((v) => v.severity === s).length;
  return { criticalCount: n("CRITICAL"), highCount: n("HIGH"), mediumCount: n("MEDIUM"), lowCount: n("LOW"), noneCount: 0, unknownCount: n("UNKNOWN") };
}

function ownerRef(o: KubeObject): Record<string, unknown> {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: false };
}

function reportMeta(c: Ctx, kind: string, owner: KubeObject, container: string | undefined, updated: number, extraLabels: Record<string, string> = {}): KubeObject["metadata"] {
  const base = `${owner.kind.toLowerCase()}-${owner.metadata.name}`;
  const name = container ? `${base}-${container}` : base;
  const labels: Record<string, string> = {
    "app.kubernetes.io/managed-by": "trivy-operator",
    "resource-spec-hash": uid(c.seed, "spec", owner.metadata.uid ?? name).replace(/-/g, "").slice(0, 10),
    "trivy-operator.resource.kind": owner.kind,
    "trivy-operator.resource.name": owner.metadata.name!,
    "trivy-operator.resource.namespace": owner.metadata.namespace!,
    ...(container ? { "trivy-operator.container.name": container } : {}),
    ...extraLabels,
  };
  return { name, namespace: owner.metadata.namespace, uid: uid(c.seed, kind, owner.metadata.namespace ?? "", name), creationTimestamp: iso(updated), labels, ownerReferences: [ownerRef(owner) as never] };
}

const SCANNER = { name: "Trivy", vendor: "Aqua Security", version: "0.58.1" };

/**
 * A VulnerabilityReport for one container of `owner` (a ReplicaSet, StatefulSet, DaemonSet,
 * CronJob or bare Pod, as Trivy Operator attaches it), scanned `hoursAgo` before the scenario's day.
 */
export function vulnerabilityReport(c: Ctx, owner: KubeObject, container: string, image: string, cves: readonly Cve[], opts: { hoursAgo?: number; os?: { family: string; name: string }; digest?: string } = {}): KubeObject {
  const updated = c.now - (opts.hoursAgo ?? 6) * HOUR;
  const a = artifactOf(image);
  const artifact: Record<string, unknown> = { repository: a.repository, tag: a.tag ?? "" };
  const digest = a.digest ?? opts.digest;
  if (digest) artifact.digest = digest;
  return {
    apiVersion: `${AQUA}/v1alpha1`,
    kind: "VulnerabilityReport",
    metadata: reportMeta(c, "VulnerabilityReport", owner, container, updated),
    report: {
      artifact,
      os: opts.os ?? { family: "debian", name: "12.8" },
      registry: { server: a.server },
      scanner: SCANNER,
      summary: summaryOf(cves),
      updateTimestamp: iso(updated),
      vulnerabilities: cves.map((v) => ({
        vulnerabilityID: v.id,
        resource: v.pkg,
        installedVersion: v.installed,
        fixedVersion: v.fixed ?? "",
        publishedDate: "",
        lastModifiedDate: "",
        severity: v.severity,
        title: v.title,
        primaryLink: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
        links: [],
        ...(v.score !== undefined ? { score: v.score } : {}),
        target: v.lang ? v.lang.path : "",
        class: v.lang ? "lang-pkgs" : "os-pkgs",
        packageType: v.lang ? v.lang.type : (opts.os?.family ?? "debian"),
        ...(v.lang ? { pkgPath: v.lang.path } : {}),
      })),
    },
  };
}

/** An ExposedSecretReport: Trivy found a secret in the image (the match text masked as Trivy masks it). */
export function exposedSecretReport(c: Ctx, owner: KubeObject, container: string, image: string, secrets: Array<{ target: string; ruleID: string; title: string; category: string; severity: Cve["severity"]; match: string }>): KubeObject {
  const updated = c.now - 6 * HOUR;
  const a = artifactOf(image);
  const n = (s: string) => secrets.filter((x) => x.severity === s).length;
  return {
    apiVersion: `${AQUA}/v1alpha1`,
    kind: "ExposedSecretReport",
    metadata: reportMeta(c, "ExposedSecretReport", owner, container, updated),
    report: {
      artifact: { repository: a.repository, tag: a.tag ?? "" },
      registry: { server: a.server },
      scanner: SCANNER,
      summary: { criticalCount: n("CRITICAL"), highCount: n("HIGH"), mediumCount: n("MEDIUM"), lowCount: n("LOW") },
      updateTimestamp: iso(updated),
      secrets,
    },
  };
}

/** A ConfigAuditReport of a workload's spec (Trivy's KSV checks), failed and passed. */
export function configAuditReport(c: Ctx, owner: KubeObject, checks: Array<{ checkID: string; title: string; severity: Cve["severity"]; success: boolean; messages?: string[] }>): KubeObject {
  const updated = c.now - 6 * HOUR;
  const failed = (s: string) => checks.filter((x) => !x.success && x.severity === s).length;
  return {
    apiVersion: `${AQUA}/v1alpha1`,
    kind: "ConfigAuditReport",
    metadata: reportMeta(c, "ConfigAuditReport", owner, undefined, updated),
    report: {
      scanner: SCANNER,
      summary: { criticalCount: failed("CRITICAL"), highCount: failed("HIGH"), mediumCount: failed("MEDIUM"), lowCount: failed("LOW") },
      updateTimestamp: iso(updated),
      checks: checks.map((x) => ({ ...x, category: "Kubernetes Security Check", description: `${x.title}.`, messages: x.messages ?? [], remediation: "" })),
    },
  };
}

function objectRef(o: KubeObject): Record<string, unknown> {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid };
}

/**
 * The Trivy Operator PolicyReport adapter's translation of a VulnerabilityReport: one result per
 * CVE and package, the CVE as `policy`, the package as `rule`, versions and image in properties.
 */
export function trivyVulnPolicyReport(c: Ctx, owner: KubeObject, image: string, cves: readonly Cve[], hoursAgo = 6): KubeObject {
  const updated = c.now - hoursAgo * HOUR;
  const a = artifactOf(image);
  const name = `trivy-vuln-polr-${owner.kind.toLowerCase()}-${owner.metadata.name}`;
  const result = (v: Cve) => (v.severity === "CRITICAL" || v.severity === "HIGH" ? "fail" : "warn");
  const results = cves.map((v) => ({
    category: "Vulnerability Scan",
    message: v.title,
    policy: v.id,
    properties: {
      "artifact.repository": a.repository,
      "artifact.tag": a.tag ?? "",
      fixedVersion: v.fixed ?? "",
      installedVersion: v.installed,
      primaryURL: `https://avd.aquasec.com/nvd/${v.id.toLowerCase()}`,
      "registry.server": a.server,
      resource: v.pkg,
      ...(v.score !== undefined ? { score: String(v.score) } : {}),
    },
    resources: [objectRef(owner)],
    result: result(v),
    rule: v.pkg,
    severity: v.severity.toLowerCase(),
    source: "Trivy Vulnerability",
    timestamp: { nanos: 0, seconds: Math.floor(updated / 1000) },
  }));
  const count = (r: string) => results.filter((x) => x.result === r).length;
  return {
    apiVersion: `${WG}/v1alpha2`,
    kind: "PolicyReport",
    metadata: { name, namespace: owner.metadata.namespace, uid: uid(c.seed, "PolicyReport", owner.metadata.namespace ?? "", name), creationTimestamp: iso(updated), labels: { "app.kubernetes.io/managed-by": "trivy-operator-polr-adapter", "trivy-operator.source": "VulnerabilityReport" } },
    scope: objectRef(owner),
    summary: { error: 0, fail: count("fail"), pass: 0, skip: 0, warn: count("warn") },
    results,
  };
}

/** Kyverno's per-resource PolicyReport (named by the resource's uid): policy results, no CVEs. */
export function kyvernoPolicyReport(c: Ctx, resource: KubeObject, results: Array<{ policy: string; rule: string; result: "pass" | "fail" | "warn" | "skip"; message: string; severity?: string; category?: string }>): KubeObject {
  const updated = c.now - 2 * HOUR;
  const full = results.map((r) => ({
    ...r,
    category: r.category ?? "Pod Security Standards (Baseline)",
    scored: true,
    source: "kyverno",
    timestamp: { nanos: 0, seconds: Math.floor(updated / 1000) },
    properties: { "process": "background scan" },
  }));
  const count = (s: string) => full.filter((x) => x.result === s).length;
  const name = resource.metadata.uid!;
  return {
    apiVersion: `${WG}/v1alpha2`,
    kind: "PolicyReport",
    metadata: {
      name,
      namespace: resource.metadata.namespace,
      uid: uid(c.seed, "PolicyReport", resource.metadata.namespace ?? "", name),
      creationTimestamp: iso(updated),
      labels: { "app.kubernetes.io/managed-by": "kyverno" },
      ownerReferences: [{ apiVersion: resource.apiVersion, kind: resource.kind, name: resource.metadata.name!, uid: resource.metadata.uid!, controller: true } as never],
    },
    scope: objectRef(resource),
    summary: { error: 0, fail: count("fail"), pass: count("pass"), skip: count("skip"), warn: count("warn") },
    results: full,
  };
}

/** A workload among built objects, and for a Deployment its (current) ReplicaSet. */
export function controllerOf(objs: readonly KubeObject[], kind: "Deployment" | "StatefulSet" | "DaemonSet" | "CronJob", name: string, namespace?: string): { top: KubeObject; rs?: KubeObject } {
  const top = objs.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  if (!top) throw new Error(`scenario: no ${kind} ${name}`);
  const rs = kind === "Deployment" ? objs.find((o) => o.kind === "ReplicaSet" && o.metadata.ownerReferences?.some((r) => r.uid === top.metadata.uid)) : undefined;
  return rs ? { top, rs } : { top };
}

/**
 * Vulnerabilities these scenarios use, as Trivy's database rates them (severity from the vendor
 * Trivy prefers; fixed versions as the distribution or ecosystem ships them).
 */
export const CVES = {
  nginxResolver: { id: "CVE-2021-23017", pkg: "nginx", installed: "1.21.0-1~buster", fixed: "1.21.1-1~buster", severity: "CRITICAL", score: 9.8, title: "nginx: Off-by-one in ngx_resolver_copy() when labels are followed by a pointer to a root domain name" },
  opensslBnModSqrt: { id: "CVE-2022-0778", pkg: "libssl1.1", installed: "1.1.1d-0+deb10u6", fixed: "1.1.1d-0+deb10u8", severity: "HIGH", score: 7.5, title: "openssl: Infinite loop in BN_mod_sqrt() reachable when parsing certificates" },
  aptKey: { id: "CVE-2011-3374", pkg: "apt", installed: "2.6.1", severity: "LOW", score: 3.7, title: "It was found that apt-key in apt, all versions, do not correctly validate gpg keys" },
  libgcrypt: { id: "CVE-2018-6829", pkg: "libgcrypt20", installed: "1.10.1-3", severity: "LOW", score: 7.5, title: "libgcrypt: ElGamal implementation doesn't have semantic security due to incorrectly encoded plaintexts" },
  coreutils: { id: "CVE-2016-2781", pkg: "coreutils", installed: "9.1-1", severity: "LOW", score: 6.5, title: "coreutils: Non-privileged session can escape to the parent session in chroot" },
  tarSymlink: { id: "CVE-2005-2541", pkg: "tar", installed: "1.34+dfsg-1.2+deb12u1", severity: "LOW", score: 10, title: "tar: does not properly warn the user when extracting setuid or setgid files" },
  glibcLdLibraryPath: { id: "CVE-2019-1010022", pkg: "libc6", installed: "2.36-9+deb12u9", severity: "LOW", score: 9.8, title: "glibc: stack guard protection bypass" },
  libgccStackProtector: { id: "CVE-2023-4039", pkg: "libgcc-s1", installed: "12.2.0-14", severity: "MEDIUM", score: 4.8, title: "gcc: -fstack-protector fails to guard dynamic stack allocations on ARM64" },
  perlCpan: { id: "CVE-2023-31484", pkg: "perl-base", installed: "5.36.0-7+deb12u1", severity: "HIGH", score: 8.1, title: "perl: CPAN.pm does not verify TLS certificates when downloading distributions over HTTPS" },
  ncurses: { id: "CVE-2023-50495", pkg: "libtinfo6", installed: "6.4-4", severity: "MEDIUM", score: 6.5, title: "ncurses: segmentation fault via _nc_wrap_entry()" },
  systemdResolved: { id: "CVE-2023-7008", pkg: "libsystemd0", installed: "252.33-1~deb12u1", severity: "MEDIUM", score: 5.9, title: "systemd-resolved: Unsigned name response in signed zone is not refused when DNSSEC=yes" },
  opensslLow: { id: "CVE-2024-2511", pkg: "libssl3", installed: "3.0.15-1~deb12u1", fixed: "3.0.16-1~deb12u1", severity: "LOW", score: 5.9, title: "openssl: Unbounded memory growth with session handling in TLSv1.3" },
  zlibMinizip: { id: "CVE-2023-45853", pkg: "zlib1g", installed: "1:1.2.13.dfsg-1", severity: "CRITICAL", score: 9.8, title: "zlib: integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_6" },
  http2RapidReset: { id: "CVE-2023-44487", pkg: "golang.org/x/net", installed: "v0.7.0", fixed: "0.17.0", severity: "HIGH", score: 7.5, title: "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)", lang: { type: "gobinary", path: "app/frontend" } },
  goStdlibNetHttp: { id: "CVE-2023-39325", pkg: "stdlib", installed: "v1.20.6", fixed: "1.20.10, 1.21.3", severity: "HIGH", score: 7.5, title: "golang: net/http, x/net/http2: rapid stream resets can cause excessive work (CVE-2023-44487)", lang: { type: "gobinary", path: "app/frontend" } },
  qsPrototype: { id: "CVE-2022-24999", pkg: "qs", installed: "6.10.1", fixed: "6.10.3, 6.9.7, 6.8.3", severity: "HIGH", score: 7.5, title: "express: \"qs\" prototype poisoning causes the hang of the node process", lang: { type: "node-pkg", path: "app/node_modules/qs/package.json" } },
  semverRedos: { id: "CVE-2022-25883", pkg: "semver", installed: "7.3.8", fixed: "7.5.2, 6.3.1, 5.7.2", severity: "MEDIUM", score: 5.3, title: "nodejs-semver: Regular expression denial of service", lang: { type: "node-pkg", path: "app/node_modules/semver/package.json" } },
  springShell: { id: "CVE-2022-22965", pkg: "org.springframework:spring-beans", installed: "5.3.17", fixed: "5.2.20.RELEASE, 5.3.18", severity: "CRITICAL", score: 9.8, title: "spring-framework: RCE via Data Binding on JDK 9+", lang: { type: "jar", path: "app/crm.jar" } },
  log4Shell: { id: "CVE-2021-44228", pkg: "org.apache.logging.log4j:log4j-core", installed: "2.14.1", fixed: "2.15.0, 2.3.1, 2.12.2", severity: "CRITICAL", score: 10, title: "log4j-core: Remote code execution in Log4j 2.x when logs contain an attacker-controlled string value", lang: { type: "jar", path: "opt/log-agent/lib/log4j-core-2.14.1.jar" } },
  jenkinsCli: { id: "CVE-2024-23897", pkg: "org.jenkins-ci.main:jenkins-core", installed: "2.289", fixed: "2.442, 2.426.3", severity: "CRITICAL", score: 9.8, title: "jenkins: Arbitrary file read vulnerability through the CLI can lead to RCE", lang: { type: "jar", path: "usr/share/jenkins/jenkins.war" } },
  grafanaTraversal: { id: "CVE-2021-43798", pkg: "github.com/grafana/grafana", installed: "v8.3.0", fixed: "8.0.7, 8.1.8, 8.2.7, 8.3.1", severity: "HIGH", score: 7.5, title: "grafana: directory traversal vulnerability", lang: { type: "gobinary", path: "usr/share/grafana/bin/grafana-server" } },
  mysqlServer: { id: "CVE-2023-21980", pkg: "mysql-community-server", installed: "5.7.36-1.el7", fixed: "5.7.42-1.el7", severity: "HIGH", score: 7.1, title: "mysql: Client programs unspecified vulnerability (CPU Apr 2023)" },
  opensslStretch: { id: "CVE-2023-0286", pkg: "libssl1.1", installed: "1.1.0l-1~deb9u1", fixed: "1.1.0l-1~deb9u7", severity: "HIGH", score: 7.4, title: "openssl: X.400 address type confusion in X.509 GeneralName" },
} as const satisfies Record<string, Cve>;
