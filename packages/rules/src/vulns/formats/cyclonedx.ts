// CycloneDX JSON, specVersion 1.4 and later: an SBOM (no vulnerabilities: nothing known against the
// image), a vulnerability report (Trivy `--format cyclonedx --scanners vuln`, Grype `-o
// cyclonedx-json`) or a VEX document. metadata.component (type "container") names the image by its
// purl (pkg:oci/NAME@sha256:...?repository_url=REGISTRY/PATH&tag=T), name and version, or Trivy's
// RepoDigest/RepoTag properties; vulnerabilities[].affects[].ref point at components[] by bom-ref,
// or at another BOM's component by a BOM-Link ("urn:cdx:SERIAL/VERSION#BOM-REF").
import { VulnDocumentError, type ImageKey, type VexStatement, type Vulnerability, type VulnReport, type VulnSeverity } from "../types";
import { imageKeyFromParts, VULN_SEVERITY_RANK } from "../image-key";
import {
  arrayAt,
  isImageReference,
  isObject,
  isoTime,
  keyOfReference,
  link,
  required,
  resolveImage,
  score,
  severityOf,
  severityOfScore,
  text,
  titleOf,
  vulnId,
  VulnCollector,
  type Json,
} from "./common";

export function isCycloneDxDocument(doc: Json): boolean {
  return doc.bomFormat === "CycloneDX";
}

const SPEC_VERSIONS = new Set(["1.4", "1.5", "1.6", "1.7"]);
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** Components nest (an image holds packages); deeper than this is not a real BOM. */
const MAX_NESTING = 32;

interface Purl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Map<string, string>;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A package URL (github.com/package-url/purl-spec), or undefined when it is not one. */
export function parsePurl(v: unknown): Purl | undefined {
  if (typeof v !== "string" || !v.startsWith("pkg:") || v.length > 2048) return undefined;
  let rest = v.slice(4).replace(/^\/+/, "");
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const qualifiers = new Map<string, string>();
  const q = rest.indexOf("?");
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split("&")) {
      const eq = pair.indexOf("=");
      if (eq > 0) qualifiers.set(pair.slice(0, eq).toLowerCase(), decode(pair.slice(eq + 1)));
    }
    rest = rest.slice(0, q);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    version = decode(rest.slice(at + 1)) || undefined;
    rest = rest.slice(0, at);
  }
  const parts = rest.split("/").filter(Boolean).map(decode);
  if (parts.length < 2) return undefined;
  const type = parts[0]!.toLowerCase();
  const name = parts[parts.length - 1]!;
  const namespace = parts.length > 2 ? parts.slice(1, -1).join("/") : undefined;
  return { type, name, qualifiers, ...(namespace ? { namespace } : {}), ...(version ? { version } : {}) };
}

/** The image a pkg:oci or pkg:docker purl names. */
function imageOfPurl(p: Purl): ImageKey | undefined {
  if (p.type !== "oci" && p.type !== "docker") return undefined;
  const digest = p.version && DIGEST.test(p.version.toLowerCase()) ? p.version.toLowerCase() : undefined;
  const tag = p.qualifiers.get("tag") ?? (p.type === "docker" && p.version && !digest ? p.version : undefined);
  const url = p.qualifiers.get("repository_url")?.replace(/^[a-z]+:\/\//i, "");
  let key: ImageKey | undefined;
  if (url && isImageReference(url)) key = keyOfReference(url);
  else if (p.type === "docker") key = imageKeyFromParts(undefined, p.namespace ? `${p.namespace}/${p.name}` : p.name);
  else key = keyOfReference(p.name);
  if (!key) return undefined;
  const out: ImageKey = { registry: key.registry, repository: key.repository };
  if (tag && /^[\w][\w.-]{0,127}$/.test(tag)) out.tag = tag;
  if (digest) out.digest = digest;
  return out;
}

function imageOf(doc: Json): { key?: ImageKey; digests: string[] } {
  const md = isObject(doc.metadata) ? doc.metadata : {};
  const c = md.component;
  if (!isObject(c) || c.type !== "container") return { digests: [] };
  const props = new Map<string, string[]>();
  for (const p of arrayAt(c.properties, "metadata.component.properties")) {
    if (isObject(p) && typeof p.name === "string" && typeof p.value === "string") props.set(p.name, [...(props.get(p.name) ?? []), p.value]);
  }
  const purl = parsePurl(c.purl);
  let key = purl ? imageOfPurl(purl) : undefined;
  if (!key) {
    // Trivy names the component "nginx:1.21.0"; Syft names it "nginx" with the tag or digest as version.
    key = keyOfReference(c.name) ?? (props.get("aquasecurity:trivy:RepoTag") ?? []).map(keyOfReference).find((k) => k);
    if (key) key = { ...key };
    const version = typeof c.version === "string" ? c.version.toLowerCase() : "";
    if (key && DIGEST.test(version)) key.digest ??= version;
    else if (key && !key.tag && typeof c.version === "string" && /^[\w][\w.-]{0,127}$/.test(c.version)) key.tag = c.version;
  }
  const digests = (props.get("aquasecurity:trivy:RepoDigest") ?? []).map(keyOfReference).flatMap((k) => (k?.digest ? [k.digest] : []));
  if (key?.digest && !digests.includes(key.digest)) digests.push(key.digest);
  if (key && !key.tag) {
    const tagged = (props.get("aquasecurity:trivy:RepoTag") ?? []).map(keyOfReference).find((k) => k?.tag && k.repository === key!.repository);
    if (tagged?.tag) key.tag = tagged.tag;
  }
  if (key && !key.digest) {
    const pinned = (props.get("aquasecurity:trivy:RepoDigest") ?? []).map(keyOfReference).find((k) => k?.digest && k.registry === key!.registry && k.repository === key!.repository);
    if (pinned?.digest) key.digest = pinned.digest;
  }
  return { key, digests };
}

interface Component {
  name: string;
  version?: string;
}

function collectComponents(list: unknown, into: Map<string, Component>, depth: number): void {
  if (depth > MAX_NESTING) throw new VulnDocumentError(`components nest more than ${MAX_NESTING} levels deep`);
  for (const c of arrayAt(list, "components")) {
    if (!isObject(c)) continue;
    const ref = typeof c["bom-ref"] === "string" ? c["bom-ref"] : undefined;
    const name = text(c.name, 300);
    if (ref && name) {
      const comp: Component = { name: text(c.group, 200) && c.type !== "container" ? `${text(c.group, 200)}/${name}` : name };
      const version = text(c.version, 256);
      if (version) comp.version = version;
      into.set(ref, comp);
    }
    if (c.components !== undefined) collectComponents(c.components, into, depth + 1);
  }
}

/** A component a vulnerability's affects[].ref names: this BOM's, or the purl a BOM-Link ends with. */
function componentOf(ref: string, components: Map<string, Component>): Component {
  const own = components.get(ref);
  if (own) return own;
  const hash = ref.startsWith("urn:cdx:") ? ref.indexOf("#") : -1;
  const local = hash >= 0 ? decode(ref.slice(hash + 1)) : ref;
  const inBom = components.get(local);
  if (inBom) return inBom;
  const p = parsePurl(local);
  if (p) return p.version ? { name: p.namespace && p.type !== "deb" && p.type !== "rpm" && p.type !== "apk" ? `${p.namespace}/${p.name}` : p.name, version: p.version } : { name: p.name };
  return { name: text(local, 300) ?? "unknown" };
}

const METHOD_RANK: Record<string, number> = { CVSSv4: 3, CVSSv31: 4, CVSSv3: 4, CVSSv2: 1, OWASP: 0, SSVC: 0, other: 0 };

/**
 * Severity and score from ratings[]: the rating of the vulnerability's own source when it gives a
 * severity (Trivy lists the distribution's rating beside NVD's, and reports the former), else the
 * worst stated severity; the score of the best CVSS method given.
 */
function rate(ratings: unknown[], sourceName: string | undefined): { severity: VulnSeverity; score?: number } {
  let own: VulnSeverity | undefined;
  let worst: VulnSeverity = "unknown";
  let best: { s: number; rank: number } | undefined;
  for (const r of ratings) {
    if (!isObject(r)) continue;
    const sev = severityOf(r.severity);
    const from = isObject(r.source) ? text(r.source.name, 100) : undefined;
    if (sev !== "unknown" && from && sourceName && from.toLowerCase() === sourceName.toLowerCase()) own ??= sev;
    if (VULN_SEVERITY_RANK[sev] > VULN_SEVERITY_RANK[worst]) worst = sev;
    const s = score(r.score);
    if (s !== undefined) {
      const rank = METHOD_RANK[String(r.method)] ?? 0;
      if (!best || rank > best.rank) best = { s, rank };
    }
  }
  const severity = own ?? (worst !== "unknown" ? worst : severityOfScore(best?.s));
  return best ? { severity, score: best.s } : { severity };
}

const VEX_STATES: Record<string, VexStatement["state"]> = {
  not_affected: "not_affected",
  false_positive: "not_affected",
  resolved: "fixed",
  resolved_with_pedigree: "fixed",
  exploitable: "affected",
  in_triage: "under_investigation",
};

function vexOf(analysis: unknown): VexStatement | undefined {
  if (!isObject(analysis) || typeof analysis.state !== "string") return undefined;
  const state = VEX_STATES[analysis.state];
  if (!state) return undefined;
  const vex: VexStatement = { state };
  const justification = text(analysis.justification, 100);
  if (justification) vex.justification = justification;
  const detail = text(analysis.detail, 500);
  if (detail) vex.detail = detail;
  return vex;
}

/** "Upgrade nginx to version 1.21.1-1~buster" (Trivy), "Upgrade to 1.2.3": the version(s) named. */
function fixFromRecommendation(rec: unknown): string | undefined {
  const s = text(rec, 600);
  const m = s ? /\bto (?:version )?([\w.:+~-]+(?:,\s*[\w.:+~-]+)*)\.?\s*$/i.exec(s) : null;
  return m ? text(m[1]!.replace(/\.$/, ""), 256) : undefined;
}

export function parseCycloneDx(doc: Json, image: string | undefined): VulnReport {
  const spec = typeof doc.specVersion === "string" ? doc.specVersion : undefined;
  if (!spec) throw new VulnDocumentError("specVersion is missing (CycloneDX JSON 1.4 to 1.7 is supported)");
  if (!SPEC_VERSIONS.has(spec)) throw new VulnDocumentError(`CycloneDX specVersion ${JSON.stringify(spec.slice(0, 20))} is not supported; Bulwark reads 1.4 to 1.7 (vulnerabilities need 1.4)`);
  const found = imageOf(doc);
  const key = resolveImage(found.key, found.digests, image, "CycloneDX");
  const components = new Map<string, Component>();
  const md = isObject(doc.metadata) ? doc.metadata : {};
  collectComponents(doc.components, components, 0);
  const vulns = new VulnCollector();
  arrayAt(doc.vulnerabilities, "vulnerabilities").forEach((v, i) => {
    const at = `vulnerabilities[${i}]`;
    if (!isObject(v)) throw new VulnDocumentError(`${at} must be an object`);
    const id = vulnId(v.id, `${at}.id`);
    const source = isObject(v.source) ? v.source : {};
    const { severity, score: s } = rate(arrayAt(v.ratings, `${at}.ratings`), text(source.name, 100));
    const aliases = [
      ...new Set(
        arrayAt(v.references, `${at}.references`)
          .map((r) => (isObject(r) ? text(r.id, 100) : undefined))
          .filter((x): x is string => !!x && x !== id),
      ),
    ];
    const title = titleOf(v.description) ?? titleOf(v.detail);
    // source.url is often the database's home page (Trivy: the Debian tracker); an advisory is about this CVE.
    const sourceUrl = link(source.url);
    const url = arrayAt(v.advisories, `${at}.advisories`).map((a) => (isObject(a) ? link(a.url) : undefined)).find((x) => x) ?? (sourceUrl?.includes(id) ? sourceUrl : undefined);
    const vex = vexOf(v.analysis);
    const recommended = fixFromRecommendation(v.recommendation);
    const affects = arrayAt(v.affects, `${at}.affects`);
    // A statement about the image as a whole (a VEX document often affects only the image itself).
    const targets = affects.length > 0 ? affects : [undefined];
    targets.forEach((a, j) => {
      vulns.count();
      let comp: Component;
      let installed: string | undefined;
      let fixed: string | undefined;
      if (a === undefined) comp = { name: "unknown" };
      else {
        if (!isObject(a)) throw new VulnDocumentError(`${at}.affects[${j}] must be an object`);
        comp = componentOf(required(a.ref, `${at}.affects[${j}].ref`, 2048), components);
        const versions = arrayAt(a.versions, `${at}.affects[${j}].versions`).filter(isObject);
        installed = versions.map((x) => (x.status === "affected" ? text(x.version, 256) : undefined)).find((x) => x);
        const unaffected = versions.map((x) => (x.status === "unaffected" ? text(x.version, 128) : undefined)).filter((x): x is string => !!x);
        if (unaffected.length) fixed = unaffected.join(", ").slice(0, 256);
      }
      const out: Vulnerability = { id, package: comp.name, installedVersion: comp.version ?? installed ?? "", severity };
      const fix = fixed ?? recommended;
      if (fix) out.fixedVersion = fix;
      if (s !== undefined) out.score = s;
      if (aliases.length) out.aliases = aliases;
      if (title) out.title = title;
      if (url) out.link = url;
      if (vex) out.vex = vex;
      vulns.add(out);
    });
  });
  const report: VulnReport = { source: "cyclonedx", image: key, vulnerabilities: vulns.list() };
  const scanner = toolOf(md.tools);
  if (scanner) report.scanner = scanner;
  const when = isoTime(md.timestamp);
  if (when) report.updatedAt = when;
  return report;
}

/** The producing tool: 1.4's tools[] or 1.5's tools.components[]. */
function toolOf(tools: unknown): { name: string; version?: string } | undefined {
  const list = Array.isArray(tools) ? tools : isObject(tools) && Array.isArray(tools.components) ? tools.components : [];
  for (const t of list) {
    const name = isObject(t) ? text(t.name, 64) : undefined;
    if (!name) continue;
    const version = text((t as Json).version, 64);
    return version ? { name, version } : { name };
  }
  return undefined;
}
