// Data minimisation, applied to every object before it enters a snapshot. Secret values never leave
// this function; ConfigMap values stay because rules look for credentials in them, and only the
// fact and key of such a finding is ever stored (never the value).
import type { KubeObject } from "@bulwark/rules";

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Longest string kept anywhere in an object (a ConfigMap value, a container arg...), in characters. */
export const MAX_STRING_CHARS = 64 * 1024;
/** Longest annotation value kept: the rules read short ones (AppArmor, load balancer settings). */
export const MAX_ANNOTATION_CHARS = 8 * 1024;
/** Deeper than any real object; a hostile server's nesting must not overflow the engine's stack. */
export const MAX_DEPTH = 64;

/**
 * Keeps the head (rules look for credentials at any position, and most values are short). The head
 * is copied: a V8 slice would keep the whole original string alive, and with it the bytes we cut.
 */
function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${Buffer.from(s.slice(0, max), "utf8").toString("utf8")}…[truncated by Bulwark: ${s.length} characters]`;
}

const TOO_DEEP = "[removed by Bulwark: nested too deep]";

function boundValue(v: unknown, depth: number): unknown {
  if (typeof v === "string") return v.length > MAX_STRING_CHARS ? truncate(v, MAX_STRING_CHARS) : v;
  if (v === null || typeof v !== "object") return v;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  boundStrings(v as Record<string, unknown>, depth);
  return v;
}

/**
 * Truncates oversized strings and replaces containers nested deeper than MAX_DEPTH, in place, so
 * that what the snapshot keeps is bounded whatever the server sent. Recursion is bounded by
 * MAX_DEPTH; plain loops, because this runs on every object of every scan.
 */
function boundStrings(node: Record<string, unknown> | unknown[], depth = 0): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (v !== null && (typeof v === "object" || (typeof v === "string" && v.length > MAX_STRING_CHARS))) node[i] = boundValue(v, depth + 1);
    }
    return;
  }
  for (const k in node) {
    const v = node[k];
    if (v !== null && (typeof v === "object" || (typeof v === "string" && v.length > MAX_STRING_CHARS))) node[k] = boundValue(v, depth + 1);
  }
}

function base64Bytes(s: string): number {
  const clean = s.replace(/\s+/g, "");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

function redactValues(values: unknown, size: (v: string) => number, label: string): Record<string, string> | undefined {
  if (values === null || typeof values !== "object") return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    out[k] = `<${label}:${typeof v === "string" ? size(v) : 0} bytes>`;
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Keeps only `keys` of an object (a new object: the list item's own is dropped). */
function pick(o: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function mapArray(v: unknown, f: (o: Obj) => Obj | undefined): Obj[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Obj[] = [];
  for (const x of v) {
    const y = isObj(x) ? f(x) : undefined;
    if (y) out.push(y);
  }
  return out;
}

// Fields of a Trivy Operator vulnerability the engine reads; descriptions, links[], CVSS vectors and
// dates are most of a report's bytes (1,000 reports of 200 CVEs must stay small).
const VULN_FIELDS = ["vulnerabilityID", "resource", "installedVersion", "fixedVersion", "severity", "score", "title", "primaryLink", "target", "class", "packageType", "pkgPath"];
const REPORT_FIELDS = ["artifact", "registry", "os", "scanner", "summary", "updateTimestamp"];
const CHECK_FIELDS = ["checkID", "title", "severity", "category", "success", "messages"];
// A PolicyReport result: what names a CVE (policy, rule, message, properties) and what it concerns.
const RESULT_FIELDS = ["policy", "rule", "result", "severity", "category", "message", "source", "scored", "timestamp", "resources", "resourceSelector", "properties"];
const MAX_REPORT_TEXT = 1024;

function shortText(v: unknown): unknown {
  return typeof v === "string" && v.length > MAX_REPORT_TEXT ? truncate(v, MAX_REPORT_TEXT) : v;
}

/**
 * Trivy Operator reports and wg-policy PolicyReports, reduced to what the engine reads. An exposed
 * secret's `match` (the line holding the secret) never enters a snapshot, and passed checks and
 * results keep only their verdict: the summary counts them.
 */
function slimReport(item: Obj, kind: string): void {
  if (kind === "PolicyReport" || kind === "ClusterPolicyReport") {
    const results = mapArray(item.results, (r) => {
      if (r.result === "pass" || r.result === "skip") return undefined;
      const out = pick(r, RESULT_FIELDS);
      out.message = shortText(out.message);
      return out;
    });
    if (results) item.results = results;
    return;
  }
  const report = item.report;
  if (!isObj(report)) return;
  const slim = pick(report, REPORT_FIELDS);
  if (kind === "VulnerabilityReport") {
    const vulns = mapArray(report.vulnerabilities, (v) => {
      const out = pick(v, VULN_FIELDS);
      out.title = shortText(out.title);
      // Older reports have no primaryLink: their first link stands in for it.
      if (out.primaryLink === undefined && Array.isArray(v.links) && v.links.length > 0) out.links = v.links.slice(0, 1);
      return out;
    });
    if (vulns) slim.vulnerabilities = vulns;
  } else if (kind === "ExposedSecretReport") {
    const secrets = mapArray(report.secrets, (x) => pick(x, ["target", "ruleID", "title", "category", "severity"]));
    if (secrets) slim.secrets = secrets;
  } else {
    const checks = mapArray(report.checks, (c) => {
      if (c.success === true) return pick(c, ["checkID", "severity", "success"]);
      const out = pick(c, CHECK_FIELDS);
      if (Array.isArray(out.messages)) out.messages = out.messages.slice(0, 5).map(shortText);
      return out;
    });
    if (checks) slim.checks = checks;
  }
  item.report = slim;
}

const REPORT_KINDS = new Set(["VulnerabilityReport", "ExposedSecretReport", "ConfigAuditReport", "RbacAssessmentReport", "ClusterRbacAssessmentReport", "PolicyReport", "ClusterPolicyReport"]);

/**
 * Turns one list item into a snapshot object: sets apiVersion/kind (list items lack them), drops
 * managedFields and the last-applied annotation (it can hold a whole Secret), redacts Secret
 * values to their sizes, reduces scanners' reports to what the engine reads, truncates annotations
 * over MAX_ANNOTATION_CHARS and any other string over MAX_STRING_CHARS (a ConfigMap value, say).
 * Mutates and returns the item, shallow-frozen: deep-freezing every object of a large cluster costs
 * more than the read, and the engine is pure by contract.
 */
export function minimizeObject(item: Record<string, unknown>, apiVersion: string, kind: string): KubeObject {
  item.apiVersion = apiVersion;
  item.kind = kind;
  const md = item.metadata;
  if (md !== null && typeof md === "object") {
    const meta = md as Record<string, unknown>;
    delete meta.managedFields;
    const ann = meta.annotations;
    if (ann !== null && typeof ann === "object") {
      const a = ann as Record<string, unknown>;
      delete a[LAST_APPLIED];
      for (const [k, v] of Object.entries(a)) if (typeof v === "string" && v.length > MAX_ANNOTATION_CHARS) a[k] = truncate(v, MAX_ANNOTATION_CHARS);
    }
  } else {
    item.metadata = {};
  }
  if (kind === "Secret") {
    const data = redactValues(item.data, base64Bytes, "redacted");
    if (data) item.data = data;
    else delete item.data;
    const stringData = redactValues(item.stringData, (v) => Buffer.byteLength(v, "utf8"), "redacted");
    if (stringData) item.stringData = stringData;
    else delete item.stringData;
  } else if (kind === "ConfigMap" && item.binaryData !== undefined) {
    const bin = redactValues(item.binaryData, base64Bytes, "binary");
    if (bin) item.binaryData = bin;
    else delete item.binaryData;
  } else if (REPORT_KINDS.has(kind)) {
    slimReport(item, kind);
  }
  boundStrings(item);
  return Object.freeze(item) as KubeObject;
}
