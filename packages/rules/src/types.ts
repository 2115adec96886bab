// The contract between readers (packages/k8s, the CLI's manifest loader) and the engine, and
// between the engine and its consumers (worker, web, CLI). Everything here is plain data.
import type { CveException, FindingDetails, VulnReport } from "./vulns/types";

export type Severity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"] as const;

/** A Kubernetes object as read from the API or a manifest (managedFields stripped). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
    creationTimestamp?: string;
    resourceVersion?: string;
    [key: string]: unknown;
  };
  // spec, data, rules, subjects, roleRef, webhooks, ... as the kind has them
  [key: string]: unknown;
}

/** Where an object came from when it was read from a file (CLI). */
export interface SourceLocation {
  file: string;
  /** 1-based line of the document start */
  line: number;
}

/** Result of reading one kind from a cluster. */
export type KindReadStatus = "read" | "forbidden" | "failed" | "not-served";

export interface KindReadResult {
  /** e.g. "apps/v1/deployments", "v1/secrets" */
  resource: string;
  kind: string;
  status: KindReadStatus;
  count: number;
  /** reason for forbidden/failed */
  error?: string;
}

export type PlatformHint = "eks" | "gke" | "aks" | "openshift" | "k3s" | "kind" | "rke" | "unknown";

/** An immutable snapshot of one cluster or one set of manifests: the engine's input. */
export interface Snapshot {
  source: "cluster" | "manifests";
  /** Objects in read order. Secrets carry no values: `data` maps key -> "<redacted:N bytes>". */
  objects: readonly KubeObject[];
  /** Cluster version as "1.29" (major.minor) when known; for manifests, from --kube-version. */
  kubeVersion?: string;
  /** Full git version string from /version when read from a cluster. */
  gitVersion?: string;
  platform?: PlatformHint;
  /**
   * Per-kind read results. For a cluster every kind the rules may need is listed; a rule whose
   * kind is not "read" is "not evaluated". For manifests this is empty and `kindsComplete` false.
   */
  kinds: readonly KindReadResult[];
  /** true when the snapshot is a whole cluster (absence of an object means it does not exist). */
  kindsComplete: boolean;
  /** Where each object came from (manifests); index-aligned with objects, or absent. */
  locations?: readonly (SourceLocation | undefined)[];
  /** When the snapshot was taken (ISO). */
  takenAt?: string;
  /** Group/versions the API server serves ("v1", "apps/v1", "policy/v1beta1"), for deprecated-API rules. */
  servedVersions?: readonly string[];
  /**
   * Vulnerability reports from outside the cluster (imported Trivy/Grype/CycloneDX documents, the
   * CLI's --vulns files), matched to containers by digest or repository:tag. Reports stored in the
   * cluster (Trivy Operator VulnerabilityReports) are read from `objects` instead.
   */
  vulnerabilityReports?: readonly VulnReport[];
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface Fix {
  /** "merge-patch": JSON merge patch for the object; "yaml": a snippet to apply by hand. */
  type: "merge-patch" | "yaml";
  content: string;
  description?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  object: ObjectRef;
  /** Exact field path, e.g. spec.template.spec.containers[1].securityContext.privileged */
  path: string;
  /** Observed value, stringified and short; never a secret value. */
  observed?: string;
  message: string;
  remediation: string;
  fix?: Fix;
  /** Stable identity across scans: sha256(ruleId|uid-or-kind/ns/name|path), hex, 32 chars */
  fingerprint: string;
  /** Set when an exception covers the finding. */
  exception?: { id: string; justification: string; expiresAt?: string };
  /** file/line when the snapshot came from manifests */
  location?: SourceLocation;
  /**
   * Every check this finding stands for, lead rule first (one cause, one finding: rules that fire
   * on the same field or root cause are merged, see engine/causes.ts). Absent = [ruleId].
   */
  checks?: string[];
  /** Set when the finding is expected for a platform component (engine/baseline.ts). */
  baseline?: BaselineMatch;
  /** Structured evidence (an image's CVEs for image-vulnerabilities). */
  details?: FindingDetails;
}

/** Why a finding or risk is expected: the baseline entry that matched. */
export interface BaselineMatch {
  id: string;
  reason: string;
}

/** One platform component the cluster itself needs (control plane, kube-proxy, CNI, CSI). */
export interface BaselineEntry {
  id: string;
  title: string;
  /** Why its findings are expected, shown to users. */
  reason: string;
  /** Namespaces the component runs in. */
  namespaces: string[];
  /** Kinds of the top controller, e.g. ["DaemonSet"] or ["Pod"] (static pods). */
  kinds: string[];
  /** Object names: exact, or a prefix ending in "*" (static pods: "kube-apiserver-*"). */
  names: string[];
  /** Kinds of the controlling owner, when the component must have one (static pods: ["Node"]). */
  owners?: string[];
  /**
   * Image repositories every container image must come from (prefix match on registry/repository,
   * e.g. "registry.k8s.io/kube-proxy", "quay.io/cilium/"). All four must match: a look-alike in the
   * same namespace with another image is not hidden.
   */
  images: string[];
  /** Rule categories or rule ids whose findings are expected (default: workload and host categories). */
  expects?: string[];
}

export interface BaselineSettings {
  /** false switches the platform baseline off: every finding counts. Default true. */
  enabled?: boolean;
  /** Replaces the built-in entries when set (admins may edit them). */
  entries?: BaselineEntry[];
}

/** `default`: what a security reviewer would raise. `strict`: every hygiene and best-practice rule too. */
export type Profile = "default" | "strict";

export type RiskType = "node-takeover" | "cluster-takeover" | "credential-theft" | "exposed-weak" | "exposed-vulnerable" | "lateral-movement" | "host-access";
/** "vulnerability": a known, fixable CVE in the workload's image is the way in or the way up. */
export type RiskStepKind = "exposure" | "vulnerability" | "privilege" | "identity" | "data" | "network";

export interface RiskStep {
  kind: RiskStepKind;
  /** What this step gives an attacker, in a sentence. */
  text: string;
  /** Fingerprints of the findings behind the step (may be empty for context such as exposure). */
  findings: string[];
  /** Objects this step involves besides the risk's own (a Service, a binding, a role). */
  objects?: ObjectRef[];
}

/** A multiplier of a risk's score, with the message users see (StackRox-style factors). */
export interface RiskFactor {
  name: string;
  multiplier: number;
  message: string;
}

/** A named combination of findings that makes an attack path, per workload or identity. */
export interface Risk {
  /** Stable id across scans: sha256(type|object key), 32 hex chars. */
  id: string;
  type: RiskType;
  title: string;
  severity: Severity;
  /** 0..100, one decimal: base of the type times the factors, capped. */
  score: number;
  /** The workload or identity first, then what it joins. */
  objects: ObjectRef[];
  steps: RiskStep[];
  factors: RiskFactor[];
  remediation: string;
  /** Every finding of the risk's privilege/identity steps is expected for a platform component. */
  baseline?: BaselineMatch;
  /** Every finding of the risk's privilege/identity steps is covered by an exception. */
  exception?: { id: string; justification: string; expiresAt?: string };
  location?: SourceLocation;
}

/** One line of the score's explanation: what the item costs (fixing it raises the score by `impact`). */
export interface ScoreItem {
  kind: "risk" | "finding" | "hygiene";
  label: string;
  severity?: Severity;
  /** Score points the item costs now (score without it minus score), one decimal. */
  impact: number;
  riskId?: string;
  fingerprint?: string;
}

export type RuleStatusValue = "passed" | "failed" | "not-evaluated" | "disabled";

export interface RuleStatus {
  id: string;
  status: RuleStatusValue;
  /**
   * Why not evaluated, e.g. "kind v1/secrets forbidden", "control plane not visible"; on a pass,
   * that the rule had nothing to judge (Rule.nothingToJudge), e.g. "no vulnerability data".
   */
  reason?: string;
  findings: number;
}

export type RuleCategory =
  | "workload-security"
  | "host-access"
  | "resources"
  | "probes"
  | "images"
  | "rbac"
  | "network"
  | "exposure"
  | "secrets"
  | "namespaces"
  | "storage"
  | "admission"
  | "deprecated-api"
  | "reliability"
  | "control-plane"
  | "custom";

export interface RulePeers {
  polaris?: string[];
  kubeLinter?: string[];
  kubescape?: string[];
  trivy?: string[];
  /** "<level>:<pod-security-admission check id>", e.g. "baseline:hostNamespaces" */
  pss?: string[];
  /** CIS Kubernetes Benchmark v1.9 section numbers */
  cis?: string[];
  /** NSA/CISA hardening guidance v1.2 headings, e.g. "PS-NR" */
  nsa?: string[];
}

export interface RuleMeta {
  /** Stable, kebab-case, equals the file name. */
  id: string;
  aliases?: string[];
  title: string;
  category: RuleCategory;
  severity: Severity;
  /** Kinds the rule reads, e.g. ["Pod","Deployment"] or the WORKLOAD_KINDS constant. */
  kinds: readonly string[];
  /**
   * Extra kinds whose absence of read makes the rule "not evaluated" (cross-object rules), e.g. a
   * network-policy rule needs NetworkPolicy read as well as Namespace.
   */
  requiresKinds?: readonly string[];
  /** Needs the whole cluster (cross-object rule that is meaningless on a partial manifest set). */
  clusterScope?: boolean;
  description: string;
  remediation: string;
  references?: string[];
  peers: RulePeers;
  /**
   * The smallest profile that runs the rule: "default" (absent) or "strict" for hygiene and
   * best-practice rules a security reviewer would not raise (see README, "Severity policy").
   */
  profile?: Profile;
}

/** A finding as a rule reports it; the engine adds severity, ruleId, fingerprint, remediation. */
export interface RawFinding {
  object: KubeObject;
  path: string;
  observed?: unknown;
  message: string;
  /** Overrides the rule's remediation for this finding. */
  remediation?: string;
  fix?: Fix;
  /**
   * The finding's own severity, for rules whose severity depends on what they found (the worst
   * fixable CVE of an image). An organization's severity override of the rule still wins.
   */
  severity?: Severity;
  details?: FindingDetails;
}

export interface RuleContext {
  snapshot: Snapshot;
  /** Precomputed indexes; built once per evaluation. */
  index: SnapshotIndex;
  /** Organization rule parameters (allowed registries, ...). */
  params: RuleParams;
  /** The evaluation's profile (rules whose threshold depends on it: image-vulnerabilities). Absent = default. */
  profile?: Profile;
  /** Cluster name, for CVE exception scopes (EngineSettings.clusterName). */
  clusterName?: string;
}

export interface RuleParams {
  allowedRegistries?: string[];
  /** Registries (hosts or host/path prefixes) workloads must not pull from (rule image-registry-blocked). */
  blockedRegistries?: string[];
  /** CVEs the organization judged not to apply or accepted (CveException rows). */
  cveExceptions?: CveException[];
  [key: string]: unknown;
}

export interface SnapshotIndex {
  byKind(kind: string): readonly KubeObject[];
  byUid(uid: string): KubeObject | undefined;
  byName(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  namespaces(): readonly string[];
}

export interface Rule extends RuleMeta {
  /** Returns every violation in the snapshot. Pure: no I/O, no mutation of its input. */
  evaluate(ctx: RuleContext): Iterable<RawFinding>;
  /** Returns a reason when the rule cannot be judged on this snapshot (besides unread kinds). */
  notEvaluable?(ctx: RuleContext): string | undefined;
  /**
   * For rules that judge scanner data (vulnerability reports): a reason when the snapshot holds none.
   * The rule still passes (it is not "not evaluated" for lack of reports), with this reason, so that
   * compliance does not count a pass over nothing as evidence.
   */
  nothingToJudge?(ctx: RuleContext): string | undefined;
}

export interface Exception {
  id: string;
  ruleId: string;
  /** Scope: any field left undefined matches everything. */
  cluster?: string;
  namespace?: string;
  kind?: string;
  name?: string;
  labelSelector?: Record<string, string>;
  justification: string;
  expiresAt?: string;
}

export interface EngineSettings {
  severityOverrides?: Record<string, Severity>;
  disabledRules?: string[];
  exceptions?: Exception[];
  params?: RuleParams;
  /** Only run these rules (e.g. one framework's); default all. */
  onlyRules?: string[];
  /** Extra rules (custom CEL rules compiled by compileCustomRule). */
  extraRules?: Rule[];
  /** Cluster name, for exception scopes. */
  clusterName?: string;
  /** now, for exception expiry (ISO); default new Date(). */
  now?: string;
  /** Which rules run: `default` (a reviewer's set) or `strict` (every rule). Ignored with onlyRules. */
  profile?: Profile;
  /** Platform components whose findings are expected (default: the built-in baseline, on). */
  baseline?: BaselineSettings;
}

export interface EvaluationResult {
  findings: Finding[];
  /** Attack paths, worst first (see engine/risks.ts). */
  risks: Risk[];
  rules: RuleStatus[];
  /** Posture score 0..100, one decimal, risk-driven: see README ("Posture score"). */
  score: number;
  /** The score's explanation, costliest first. */
  scoreItems: ScoreItem[];
  /** Open findings per severity (not excepted, not expected for a platform component). */
  counts: Record<Severity, number>;
  /** Findings expected for platform components (baseline). */
  expected: number;
  objectCount: number;
  profile: Profile;
}
