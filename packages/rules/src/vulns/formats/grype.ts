// Grype's JSON report (`grype IMAGE -o json`): matches[] pair a vulnerability (severity as the
// matched namespace rates it, "Critical"; fix.state and fix.versions) with the artifact it was found
// in; relatedVulnerabilities carry the CVE of a GHSA and NVD's CVSS; source.target names the image
// (repoDigests hold the registry digest a pod's imageID shows; imageID is the config digest).
// ignoredMatches that a VEX document suppressed are kept as excepted, so the finding can say why.
import { VulnDocumentError, type ImageKey, type VexStatement, type Vulnerability, type VulnReport } from "../types";
import {
  arrayAt,
  digestsOf,
  isObject,
  isoTime,
  keyOfReference,
  link,
  pickRepoDigest,
  required,
  resolveImage,
  score,
  severityOf,
  text,
  titleOf,
  vulnId,
  VulnCollector,
  type Json,
} from "./common";

export function isGrypeDocument(doc: Json): boolean {
  return Array.isArray(doc.matches) && (isObject(doc.source) || isObject(doc.descriptor));
}

// Sources a user can name on grype's command line that are images in a registry or a daemon.
const IMAGE_SCHEMES = /^(?:registry|docker|podman|containerd):/;

function imageOf(source: unknown): { key?: ImageKey; digests: string[]; isImage: boolean } {
  if (!isObject(source) || source.type !== "image" || !isObject(source.target)) return { digests: [], isImage: false };
  const t = source.target;
  const repoDigests = arrayAt(t.repoDigests, "source.target.repoDigests");
  const tags = arrayAt(t.tags, "source.target.tags");
  const input = typeof t.userInput === "string" ? t.userInput.replace(IMAGE_SCHEMES, "") : undefined;
  const named = tags.map(keyOfReference).find((k) => k) ?? keyOfReference(input);
  const pinned = pickRepoDigest(repoDigests, named);
  const digests = digestsOf(repoDigests);
  if (named) {
    const key: ImageKey = { ...named };
    if (!key.digest && pinned && pinned.key.registry === named.registry && pinned.key.repository === named.repository) key.digest = pinned.digest;
    return { key, digests: key.digest && !digests.includes(key.digest) ? [...digests, key.digest] : digests, isImage: true };
  }
  return { key: pinned ? { registry: pinned.key.registry, repository: pinned.key.repository, digest: pinned.digest } : undefined, digests, isImage: true };
}

/** Best CVSS base score among entries, preferring version 3.x and NVD's primary score. */
function cvssScore(lists: unknown[]): number | undefined {
  let best: { s: number; rank: number } | undefined;
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObject(c) || !isObject(c.metrics)) continue;
      const s = score(c.metrics.baseScore);
      if (s === undefined) continue;
      const v = String(c.version ?? "");
      const rank = (v.startsWith("3") ? 2 : v.startsWith("4") ? 1 : 0) * 2 + (c.type === "Primary" ? 1 : 0);
      if (!best || rank > best.rank) best = { s, rank };
    }
  }
  return best?.s;
}

function vexOf(match: Json): VexStatement | undefined {
  for (const rule of arrayAt(match.appliedIgnoreRules, "appliedIgnoreRules")) {
    if (!isObject(rule)) continue;
    const status = rule["vex-status"];
    if (status !== "not_affected" && status !== "fixed") continue;
    const vex: VexStatement = { state: status };
    const justification = text(rule["vex-justification"], 100);
    if (justification) vex.justification = justification;
    const reason = text(rule.reason, 300);
    if (reason) vex.detail = reason;
    return vex;
  }
  return undefined;
}

function readMatch(m: unknown, at: string, ignored: boolean): Vulnerability | undefined {
  if (!isObject(m)) throw new VulnDocumentError(`${at} must be an object`);
  const v = m.vulnerability;
  const a = m.artifact;
  if (!isObject(v)) throw new VulnDocumentError(`${at}.vulnerability is missing`);
  if (!isObject(a)) throw new VulnDocumentError(`${at}.artifact is missing`);
  const vex = ignored ? vexOf(m) : undefined;
  // A match ignored by the user's own ignore rules (not VEX) says nothing about the image.
  if (ignored && !vex) return undefined;
  const id = vulnId(v.id, `${at}.vulnerability.id`);
  const related = arrayAt(m.relatedVulnerabilities, `${at}.relatedVulnerabilities`).filter(isObject);
  let severity = severityOf(v.severity);
  // A distro that has not rated a CVE yet says "Unknown"; NVD's rating then is the best there is.
  if (severity === "unknown") for (const r of related) if ((severity = severityOf(r.severity)) !== "unknown") break;
  const out: Vulnerability = {
    id,
    package: required(a.name, `${at}.artifact.name`),
    installedVersion: text(a.version, 256) ?? "",
    severity,
  };
  const aliases = [...new Set(related.map((r) => text(r.id, 100)).filter((x): x is string => !!x && x !== id))];
  if (aliases.length) out.aliases = aliases;
  const fix = isObject(v.fix) ? v.fix : {};
  const versions = arrayAt(fix.versions, `${at}.vulnerability.fix.versions`).map((x) => text(x, 128)).filter((x): x is string => !!x);
  if (fix.state === "fixed" && versions.length) out.fixedVersion = versions.join(", ").slice(0, 256);
  const s = cvssScore([v.cvss, ...related.map((r) => r.cvss)]);
  if (s !== undefined) out.score = s;
  const title = titleOf(v.description) ?? related.map((r) => titleOf(r.description)).find((x) => x);
  if (title) out.title = title;
  const url = link(v.dataSource) ?? arrayAt(v.urls, `${at}.vulnerability.urls`).map(link).find((x) => x);
  if (url) out.link = url;
  if (vex) out.vex = vex;
  return out;
}

export function parseGrype(doc: Json, image: string | undefined): VulnReport {
  const found = imageOf(doc.source);
  if (!found.isImage && image === undefined) {
    const type = isObject(doc.source) ? text(doc.source.type, 40) : undefined;
    throw new VulnDocumentError(`the Grype document scanned ${type ? `a ${type}` : "an unnamed source"}, not a container image; give the image it is for (bulwark push --image REF, or ?image=REF)`);
  }
  const key = resolveImage(found.key, found.digests, image, "Grype");
  const vulns = new VulnCollector();
  for (const [field, ignored] of [["matches", false], ["ignoredMatches", true]] as const) {
    arrayAt(doc[field], field).forEach((m, i) => {
      vulns.count();
      const v = readMatch(m, `${field}[${i}]`, ignored);
      if (v) vulns.add(v);
    });
  }
  const d = isObject(doc.descriptor) ? doc.descriptor : {};
  const name = text(d.name, 64) ?? "grype";
  const version = text(d.version, 64);
  const report: VulnReport = { source: "grype", scanner: version ? { name, version } : { name }, image: key, vulnerabilities: vulns.list() };
  const at = isoTime(d.timestamp);
  if (at) report.updatedAt = at;
  return report;
}
