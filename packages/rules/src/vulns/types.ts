// Vulnerability data as the engine reads it, whatever produced it: Trivy Operator's
// VulnerabilityReport (and wgpolicyk8s.io PolicyReports) read from the cluster, or Trivy JSON, Grype
// JSON and CycloneDX SBOM/VEX documents imported from CI. Every producer's shape is normalized to
// VulnReport by the parsers beside this file; the rule image-vulnerabilities and the risk
// derivation read only these types. Plain data, no I/O.

/** A producer's severity, normalized (Trivy's "CRITICAL", Grype's "Critical", CycloneDX "critical"). */
export type VulnSeverity = "critical" | "high" | "medium" | "low" | "unknown";
export const VULN_SEVERITIES: readonly VulnSeverity[] = ["critical", "high", "medium", "low", "unknown"] as const;

/**
 * An image, normalized so that producers and pod specs compare equal: registry lower-case with
 * Docker Hub's aliases as "docker.io"; repository as the registry names it ("library/nginx" for
 * Docker Hub's official images, which a pod spec writes "nginx"); digest "sha256:<64 hex>".
 */
export interface ImageKey {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** VEX status of a vulnerability for this image (CycloneDX analysis / OpenVEX), when the document says. */
export interface VexStatement {
  state: "not_affected" | "affected" | "fixed" | "under_investigation";
  /** CycloneDX/OpenVEX justification, e.g. "vulnerable_code_not_in_execute_path". */
  justification?: string;
  detail?: string;
}

export interface Vulnerability {
  /** CVE-2021-23017, GHSA-xxxx-xxxx-xxxx, ... */
  id: string;
  /** Other ids of the same vulnerability (a GHSA's CVE). */
  aliases?: string[];
  /** Package name as the producer names it ("nginx", "libssl1.1", "github.com/x/y"). */
  package: string;
  installedVersion: string;
  /** Version(s) that fix it, as the producer writes them; absent = no fix available. */
  fixedVersion?: string;
  severity: VulnSeverity;
  /** CVSS base score when given. */
  score?: number;
  title?: string;
  link?: string;
  vex?: VexStatement;
}

export type VulnReportSource = "trivy-operator" | "policy-report" | "trivy" | "grype" | "cyclonedx";

export interface VulnReport {
  source: VulnReportSource;
  scanner?: { name: string; version?: string };
  image: ImageKey;
  /**
   * The workload the in-cluster producer attached the report to (labels and owner references it
   * set), before Bulwark maps it to the top controller. Absent for imports (matched by image).
   */
  target?: { kind: string; namespace?: string; name: string; uid?: string; container?: string };
  /** When the producer scanned (ISO). Reports older than 7 days at snapshot time are stale. */
  updatedAt?: string;
  vulnerabilities: Vulnerability[];
  /** The in-cluster object it came from ("VulnerabilityReport shop/replicaset-web-...-web"). */
  origin?: string;
}

/** How a report was tied to a workload's container. */
export type VulnMatch = "producer" | "digest" | "tag";

/** The states of an organization's CVE exception (CveException.state). */
export const CVE_EXCEPTION_STATES = ["not_affected", "fix_unavailable", "accepted"] as const;
/** CycloneDX analysis justifications (the same five OpenVEX names), for "not_affected" only. */
export const CVE_EXCEPTION_JUSTIFICATIONS = [
  "component_not_present",
  "vulnerable_code_not_present",
  "vulnerable_code_not_in_execute_path",
  "vulnerable_code_cannot_be_controlled_by_adversary",
  "inline_mitigations_already_exist",
] as const;
/** Longest an accepted or fix-unavailable CVE exception may run. */
export const MAX_CVE_EXCEPTION_DAYS = 365;

/** Organization decision about a CVE (CveException rows), VEX-style. Undefined scope = all. */
export interface CveException {
  id: string;
  cve: string;
  /** "registry/repository" (normalized as ImageKey). */
  repository?: string;
  clusterName?: string;
  namespace?: string;
  state: (typeof CVE_EXCEPTION_STATES)[number];
  justification?: string;
  note: string;
  expiresAt?: string;
}

/** Per-severity counts: all, and those with a fix available. */
export type VulnCounts = Record<VulnSeverity, { total: number; fixable: number }>;

/** One CVE as a finding lists it. */
export interface FindingCve {
  id: string;
  severity: VulnSeverity;
  package: string;
  installedVersion: string;
  fixedVersion?: string;
  score?: number;
  title?: string;
  link?: string;
  /** Covered by an organization CVE exception or by the document's own VEX statement. */
  excepted?: { by: "exception" | "vex"; id?: string; state: string; justification?: string; note?: string; expiresAt?: string };
}

/** What an image-vulnerabilities finding carries beside its message (Finding.details.vulnerabilities). */
export interface ImageVulnDetails {
  /** The image reference as the container writes it. */
  image: string;
  key: ImageKey;
  container: string;
  source: VulnReportSource;
  scanner?: string;
  match: VulnMatch;
  /** The report's scan time; stale = older than 7 days at snapshot time. */
  reportedAt?: string;
  stale: boolean;
  /** Counts of the CVEs not excepted. */
  counts: VulnCounts;
  /** Every CVE, worst first (critical fixable first); excepted ones carry `excepted`. */
  cves: FindingCve[];
  origin?: string;
}

/** Structured evidence a finding carries besides message and observed value. */
export interface FindingDetails {
  vulnerabilities?: ImageVulnDetails;
}

/** Days after which a vulnerability report is stale (its findings say so; risks do not rise on it). */
export const STALE_REPORT_DAYS = 7;

/** Thrown by the document parsers: the message says what is wrong, for a 4xx answer. */
export class VulnDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VulnDocumentError";
  }
}

/** Largest document the parsers accept (bytes of JSON text). */
export const MAX_VULN_DOCUMENT_BYTES = 32 * 1024 * 1024;
/** Most vulnerabilities one document may list. */
export const MAX_VULNS_PER_DOCUMENT = 50_000;

/** One container of one workload (its top controller) and the image it runs: the inventory's row. */
export interface ImageUseRow {
  workload: { apiVersion: string; kind: string; namespace?: string; name: string; uid?: string };
  container: string;
  containerType: "container" | "initContainer" | "ephemeralContainer";
  /** The reference as the pod template writes it. */
  reference: string;
  /** Normalized; `digest` from the reference, else from the pods' status imageID when they agree. */
  key: ImageKey;
  /** Where the digest came from, when known. */
  digestFrom?: "reference" | "pod-status";
  pullPolicy?: string;
  /** Referenced by tag (or nothing), not by digest. */
  mutableTag: boolean;
  /** undefined when the organization has no allowed-registries list. */
  registryAllowed?: boolean;
}
