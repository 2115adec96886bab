// Vulnerability and secret data that in-cluster scanners leave as Kubernetes objects, read with the
// same read-only credential as everything else: Trivy Operator's VulnerabilityReport and
// ExposedSecretReport (aquasecurity.github.io/v1alpha1, also written by Starboard before it) and
// wgpolicyk8s.io PolicyReport / ClusterPolicyReport results that name a CVE or GHSA (what the Trivy
// Operator PolicyReport adapter and similar bridges write). Each report keeps the workload its
// producer attached it to; match.ts maps that to the top controller. Anything malformed is skipped:
// these objects are written by other software and a bad one must not fail a scan.
// ConfigAuditReport and RbacAssessmentReport are not read: Bulwark's own rules judge those checks.
import type { KubeObject } from "../types";
import { imageKeyFromParts, imageKeyOf, imageKeyString, normalizeVulnSeverity } from "./image-key";
import { MAX_VULNS_PER_DOCUMENT, type ImageKey, type VulnReport, type VulnSeverity, type Vulnerability } from "./types";

/** One secret a scanner found in an image layer (never its matched text). */
export interface ExposedSecret {
  ruleId: string;
  category?: string;
  severity: VulnSeverity;
  title?: string;
  /** File in the image where it was found. */
  target?: string;
}

/** An ExposedSecretReport, normalized like VulnReport. */
export interface SecretReport {
  source: "trivy-operator";
  scanner?: { name: string; version?: string };
  image: ImageKey;
  target?: VulnReport["target"];
  updatedAt?: string;
  secrets: ExposedSecret[];
  origin?: string;
}

const AQUA_GROUP = "aquasecurity.github.io/";
const POLICY_REPORT_GROUP = "wgpolicyk8s.io/";
// Trivy Operator's labels, and Starboard's before it (same API group, same shape).
const LABEL_PREFIXES = ["trivy-operator.", "starboard."];
const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
const GHSA_ID = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An ISO time from a string, or undefined when it does not parse. */
function isoTime(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function origin(o: KubeObject): string {
  const ns = o.metadata?.namespace;
  return `${o.kind} ${ns ? `${ns}/` : ""}${o.metadata?.name ?? ""}`;
}

/** The workload a Trivy Operator report belongs to: its labels (or annotations), else its controller owner. */
function trivyTarget(o: KubeObject): VulnReport["target"] | undefined {
  const md = o.metadata ?? {};
  const ns = str(md.namespace);
  const read = (key: string): string | undefined => {
    for (const p of LABEL_PREFIXES) {
      const v = str(md.labels?.[`${p}${key}`]) ?? str(md.annotations?.[`${p}${key}`]);
      if (v) return v;
    }
    return undefined;
  };
  const container = read("container.name");
  const kind = read("resource.kind");
  const name = read("resource.name");
  const labelNs = read("resource.namespace");
  // A report describes a workload of its own namespace; one that names another is not trusted.
  if (labelNs && ns && labelNs !== ns) return undefined;
  const owner = Array.isArray(md.ownerReferences) ? md.ownerReferences.find((r) => isObj(r) && r.controller === true) ?? md.ownerReferences.find(isObj) : undefined;
  const namespace = ns ?? labelNs;
  if (kind && name) {
    const t: NonNullable<VulnReport["target"]> = { kind, name, ...(namespace ? { namespace } : {}) };
    if (owner && owner.kind === kind && owner.name === name && str(owner.uid)) t.uid = owner.uid;
    if (container) t.container = container;
    return t;
  }
  if (owner && str(owner.kind) && str(owner.name)) {
    return { kind: owner.kind, name: owner.name, ...(ns ? { namespace: ns } : {}), ...(str(owner.uid) ? { uid: owner.uid } : {}), ...(container ? { container } : {}) };
  }
  return undefined;
}

/** report.artifact + report.registry, as Trivy Operator writes them. */
function trivyImage(report: Record<string, any>): ImageKey | undefined {
  const artifact = isObj(report.artifact) ? report.artifact : undefined;
  const repository = str(artifact?.repository);
  if (!repository) return undefined;
  const server = isObj(report.registry) ? str(report.registry.server) : undefined;
  return imageKeyFromParts(server, repository, str(artifact?.tag), str(artifact?.digest));
}

function scannerOf(report: Record<string, any>): VulnReport["scanner"] | undefined {
  const s = isObj(report.scanner) ? report.scanner : undefined;
  const name = str(s?.name);
  if (!name) return undefined;
  const version = str(s?.version);
  return version ? { name, version } : { name };
}

function score(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 && n <= 10 ? n : undefined;
}

/** One Trivy Operator VulnerabilityReport, or undefined when it is not one or is unusable. */
function fromVulnerabilityReport(o: KubeObject): VulnReport | undefined {
  const report = (o as any).report;
  if (!isObj(report)) return undefined;
  const image = trivyImage(report);
  if (!image) return undefined;
  const vulns: Vulnerability[] = [];
  const seen = new Set<string>();
  for (const v of Array.isArray(report.vulnerabilities) ? report.vulnerabilities : []) {
    if (!isObj(v)) continue;
    const id = str(v.vulnerabilityID);
    const pkg = str(v.resource);
    if (!id || !pkg) continue;
    const installedVersion = str(v.installedVersion) ?? "";
    const key = `${id}|${pkg}|${installedVersion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const vuln: Vulnerability = { id, package: pkg, installedVersion, severity: normalizeVulnSeverity(v.severity) };
    const fixed = str(v.fixedVersion);
    if (fixed) vuln.fixedVersion = fixed;
    const sc = score(v.score);
    if (sc !== undefined) vuln.score = sc;
    const title = str(v.title);
    if (title) vuln.title = title;
    const link = str(v.primaryLink) ?? (Array.isArray(v.links) ? v.links.map(str).find(Boolean) : undefined);
    if (link) vuln.link = link;
    vulns.push(vuln);
    if (vulns.length >= MAX_VULNS_PER_DOCUMENT) break;
  }
  const out: VulnReport = { source: "trivy-operator", image, vulnerabilities: vulns, origin: origin(o) };
  const scanner = scannerOf(report);
  if (scanner) out.scanner = scanner;
  const target = trivyTarget(o);
  if (target) out.target = target;
  const updatedAt = isoTime(report.updateTimestamp) ?? isoTime(o.metadata?.creationTimestamp);
  if (updatedAt) out.updatedAt = updatedAt;
  return out;
}

/** A PolicyReport result's timestamp ({ seconds, nanos } in v1alpha2), as ISO. */
function resultTime(ts: unknown): string | undefined {
  if (isObj(ts)) {
    const s = Number(ts.seconds);
    if (Number.isFinite(s) && s > 0) return new Date(s * 1000).toISOString();
    return undefined;
  }
  return isoTime(ts);
}

/** The image a vulnerability result names in its properties (adapter-written), if any. */
function resultImage(props: Record<string, any>): ImageKey | undefined {
  const repo = str(props["artifact.repository"]);
  if (repo) return imageKeyFromParts(str(props["registry.server"]), repo, str(props["artifact.tag"]), str(props["artifact.digest"]));
  const ref = str(props.image) ?? str(props.imageRef);
  return ref ? imageKeyOf(ref) : undefined;
}

/** The CVE/GHSA results of one PolicyReport or ClusterPolicyReport, one VulnReport per workload and image. */
function fromPolicyReport(o: KubeObject): VulnReport[] {
  const results = (o as any).results;
  if (!Array.isArray(results)) return [];
  const reportNs = str(o.metadata?.namespace);
  const scope = isObj((o as any).scope) ? (o as any).scope : undefined;
  const byKey = new Map<string, VulnReport & { seen: Set<string> }>();
  let total = 0;
  for (const r of results) {
    if (!isObj(r)) continue;
    const id = [str(r.policy), str(r.rule)].find((x) => !!x && (CVE_ID.test(x) || GHSA_ID.test(x)));
    if (!id) continue;
    // "pass" and "skip" say the vulnerability does not apply; "error" says nothing was judged.
    if (r.result !== "fail" && r.result !== "warn") continue;
    const props = isObj(r.properties) ? r.properties : {};
    const image = resultImage(props);
    if (!image) continue;
    const resources = Array.isArray(r.resources) && r.resources.length > 0 ? r.resources : scope ? [scope] : [];
    for (const res of resources) {
      if (!isObj(res)) continue;
      const kind = str(res.kind);
      const name = str(res.name);
      if (!kind || !name) continue;
      const resNs = str(res.namespace);
      if (reportNs && resNs && resNs !== reportNs) continue;
      const namespace = reportNs ?? resNs;
      const target: NonNullable<VulnReport["target"]> = { kind, name, ...(namespace ? { namespace } : {}), ...(str(res.uid) ? { uid: res.uid } : {}) };
      const container = str(props["container.name"]) ?? str(props.container);
      if (container) target.container = container;
      const key = `${kind}/${namespace ?? ""}/${name}/${target.uid ?? ""}/${container ?? ""}|${imageKeyString(image)}`;
      let rep = byKey.get(key);
      if (!rep) {
        rep = { source: "policy-report", image, target, vulnerabilities: [], origin: origin(o), seen: new Set() };
        const source = str(r.source);
        if (source) rep.scanner = { name: source };
        byKey.set(key, rep);
      }
      const pkg = str(props.resource) ?? str(props.pkgName) ?? str(props.package) ?? (str(r.rule) !== id ? str(r.rule) : undefined) ?? "";
      const installedVersion = str(props.installedVersion) ?? "";
      const dedupe = `${id}|${pkg}|${installedVersion}`;
      const at = resultTime(r.timestamp);
      rep.updatedAt = newer(rep.updatedAt, at);
      if (rep.seen.has(dedupe) || total >= MAX_VULNS_PER_DOCUMENT) continue;
      rep.seen.add(dedupe);
      total++;
      const vuln: Vulnerability = { id, package: pkg, installedVersion, severity: normalizeVulnSeverity(r.severity) };
      const fixed = str(props.fixedVersion);
      if (fixed) vuln.fixedVersion = fixed;
      const sc = score(props.score);
      if (sc !== undefined) vuln.score = sc;
      const title = str(r.message);
      if (title) vuln.title = title;
      const link = str(props.primaryLink) ?? str(props.primaryURL);
      if (link) vuln.link = link;
      rep.vulnerabilities.push(vuln);
    }
  }
  const created = isoTime(o.metadata?.creationTimestamp);
  return [...byKey.values()].map(({ seen: _seen, ...rep }) => (rep.updatedAt || !created ? rep : { ...rep, updatedAt: created }));
}

/** Kinds inClusterVulnReports reads. */
export const VULN_REPORT_KINDS: readonly string[] = ["VulnerabilityReport", "PolicyReport", "ClusterPolicyReport"];
/** Kinds inClusterSecretReports reads. */
export const SECRET_REPORT_KINDS: readonly string[] = ["ExposedSecretReport"];

/**
 * The vulnerability reports in-cluster producers stored among `objects`: Trivy Operator
 * VulnerabilityReports and the CVE/GHSA results of PolicyReports. Never throws.
 */
export function inClusterVulnReports(objects: readonly KubeObject[]): VulnReport[] {
  const out: VulnReport[] = [];
  for (const o of objects) {
    if (!isObj(o) || typeof o.apiVersion !== "string") continue;
    try {
      if (o.kind === "VulnerabilityReport" && o.apiVersion.startsWith(AQUA_GROUP)) {
        const r = fromVulnerabilityReport(o);
        if (r) out.push(r);
      } else if ((o.kind === "PolicyReport" || o.kind === "ClusterPolicyReport") && o.apiVersion.startsWith(POLICY_REPORT_GROUP)) {
        out.push(...fromPolicyReport(o));
      }
    } catch {
      // A report shaped in a way nobody foresaw is skipped, never fatal.
    }
  }
  return out;
}

/** Trivy Operator ExposedSecretReports among `objects`, without the matched text. Never throws. */
export function inClusterSecretReports(objects: readonly KubeObject[]): SecretReport[] {
  const out: SecretReport[] = [];
  for (const o of objects) {
    if (!isObj(o) || o.kind !== "ExposedSecretReport" || typeof o.apiVersion !== "string" || !o.apiVersion.startsWith(AQUA_GROUP)) continue;
    try {
      const report = (o as any).report;
      if (!isObj(report)) continue;
      const image = trivyImage(report);
      if (!image) continue;
      const secrets: ExposedSecret[] = [];
      for (const s of Array.isArray(report.secrets) ? report.secrets : []) {
        if (!isObj(s)) continue;
        const ruleId = str(s.ruleID) ?? str(s.ruleId);
        if (!ruleId) continue;
        const secret: ExposedSecret = { ruleId, severity: normalizeVulnSeverity(s.severity) };
        const category = str(s.category);
        if (category) secret.category = category;
        const title = str(s.title);
        if (title) secret.title = title;
        const target = str(s.target);
        if (target) secret.target = target;
        secrets.push(secret);
        if (secrets.length >= MAX_VULNS_PER_DOCUMENT) break;
      }
      const rep: SecretReport = { source: "trivy-operator", image, secrets, origin: origin(o) };
      const scanner = scannerOf(report);
      if (scanner) rep.scanner = scanner;
      const target = trivyTarget(o);
      if (target) rep.target = target;
      const updatedAt = isoTime(report.updateTimestamp) ?? isoTime(o.metadata?.creationTimestamp);
      if (updatedAt) rep.updatedAt = updatedAt;
      out.push(rep);
    } catch {
      // skipped, as above
    }
  }
  return out;
}
