// Trivy's JSON report (`trivy image -f json`, SchemaVersion 2): ArtifactName and Metadata name the
// image (RepoDigests hold the registry digest a pod's imageID shows; Metadata.ImageID is the config
// digest, which no pod shows), Results[] group vulnerabilities per target (OS packages, each
// language lockfile or binary).
import { VulnDocumentError, type ImageKey, type Vulnerability, type VulnReport } from "../types";
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
  vulnId,
  VulnCollector,
  type Json,
} from "./common";

export function isTrivyDocument(doc: Json): boolean {
  return "SchemaVersion" in doc && ("ArtifactName" in doc || "Results" in doc);
}

/** The score Trivy shows: NVD's CVSS v3 when there, else the severity source's, else any v3 score. */
function trivyScore(cvss: unknown, source: unknown): number | undefined {
  if (!isObject(cvss)) return undefined;
  const v3 = (k: unknown) => (typeof k === "string" && isObject(cvss[k]) ? score((cvss[k] as Json).V3Score) : undefined);
  let s = v3("nvd") ?? v3(source);
  if (s !== undefined) return s;
  for (const k of Object.keys(cvss)) if ((s = v3(k)) !== undefined) return s;
  return undefined;
}

function imageOf(doc: Json): { key?: ImageKey; digests: string[] } {
  const md = isObject(doc.Metadata) ? doc.Metadata : {};
  const repoDigests = arrayAt(md.RepoDigests, "Metadata.RepoDigests");
  const repoTags = arrayAt(md.RepoTags, "Metadata.RepoTags");
  // ArtifactName is what the user typed: an image reference, or a tarball's path (--input).
  const named = keyOfReference(doc.ArtifactName) ?? repoTags.map(keyOfReference).find((k) => k);
  const pinned = pickRepoDigest(repoDigests, named);
  const digests = digestsOf(repoDigests);
  if (named) {
    const key: ImageKey = { ...named };
    if (!key.digest && pinned && pinned.key.registry === named.registry && pinned.key.repository === named.repository) key.digest = pinned.digest;
    if (!key.tag) {
      const tagged = repoTags.map(keyOfReference).find((k) => k?.tag && k.registry === named.registry && k.repository === named.repository);
      if (tagged?.tag) key.tag = tagged.tag;
    }
    return { key, digests: key.digest && !digests.includes(key.digest) ? [...digests, key.digest] : digests };
  }
  return { key: pinned ? { registry: pinned.key.registry, repository: pinned.key.repository, digest: pinned.digest } : undefined, digests };
}

export function parseTrivy(doc: Json, image: string | undefined): VulnReport {
  if (doc.SchemaVersion !== 2) {
    throw new VulnDocumentError(`Trivy JSON SchemaVersion ${JSON.stringify(doc.SchemaVersion)} is not supported; Bulwark reads SchemaVersion 2 (trivy image -f json, Trivy 0.20 and later)`);
  }
  const type = text(doc.ArtifactType);
  if (type && type !== "container_image" && image === undefined) {
    throw new VulnDocumentError(`the Trivy document scanned a ${type}, not a container image; give the image it is for (bulwark push --image REF, or ?image=REF)`);
  }
  const found = imageOf(doc);
  const key = resolveImage(type && type !== "container_image" ? undefined : found.key, found.digests, image, "Trivy");
  const vulns = new VulnCollector();
  arrayAt(doc.Results, "Results").forEach((res, i) => {
    if (!isObject(res)) throw new VulnDocumentError(`Results[${i}] must be an object`);
    arrayAt(res.Vulnerabilities, `Results[${i}].Vulnerabilities`).forEach((v, j) => {
      vulns.count();
      const at = `Results[${i}].Vulnerabilities[${j}]`;
      if (!isObject(v)) throw new VulnDocumentError(`${at} must be an object`);
      const out: Vulnerability = {
        id: vulnId(v.VulnerabilityID, `${at}.VulnerabilityID`),
        package: required(v.PkgName, `${at}.PkgName`),
        installedVersion: text(v.InstalledVersion, 256) ?? "",
        severity: severityOf(v.Severity),
      };
      const fixed = text(v.FixedVersion, 256);
      if (fixed) out.fixedVersion = fixed;
      const s = trivyScore(v.CVSS, v.SeveritySource);
      if (s !== undefined) out.score = s;
      const title = text(v.Title, 300);
      if (title) out.title = title;
      const url = link(v.PrimaryURL);
      if (url) out.link = url;
      // Trivy applies VEX itself and keeps a not_affected status only when asked to show it.
      if (v.Status === "not_affected") out.vex = { state: "not_affected" };
      vulns.add(out);
    });
  });
  // Trivy 0.50 and later write their version beside the report.
  const version = isObject(doc.Trivy) ? text(doc.Trivy.Version, 64) : undefined;
  const report: VulnReport = { source: "trivy", scanner: version ? { name: "Trivy", version } : { name: "Trivy" }, image: key, vulnerabilities: vulns.list() };
  const at = isoTime(doc.CreatedAt);
  if (at) report.updatedAt = at;
  return report;
}
