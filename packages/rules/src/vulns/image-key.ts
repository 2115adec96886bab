// One normal form for images, so that a pod spec ("nginx:1.21.0"), a pod status imageID
// ("docker-pullable://nginx@sha256:..."), Trivy Operator's artifact ({ repository: "library/nginx" },
// registry "index.docker.io") and an imported document's name compare equal.
import { normalizeRegistry, parseImage } from "../helpers/images";
import type { ImageKey, VulnCounts, VulnSeverity, Vulnerability } from "./types";

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Repository as the registry names it: Docker Hub's official images live under "library/". */
export function normalizeRepository(registry: string, repository: string): string {
  const repo = repository.toLowerCase().replace(/^\/+|\/+$/g, "");
  return registry === "docker.io" && !repo.includes("/") ? `library/${repo}` : repo;
}

/** An ImageKey from a reference as written ("nginx:1.21", "ghcr.io/acme/app@sha256:..."). */
export function imageKeyOf(reference: string): ImageKey {
  const ref = parseImage(reference.trim());
  const registry = normalizeRegistry(ref.registry);
  const key: ImageKey = { registry, repository: normalizeRepository(registry, ref.repository) };
  if (ref.tag) key.tag = ref.tag;
  if (ref.digest && DIGEST.test(ref.digest.toLowerCase())) key.digest = ref.digest.toLowerCase();
  return key;
}

/** An ImageKey from parts a producer reports separately (registry host, repository, tag, digest). */
export function imageKeyFromParts(registry: string | undefined, repository: string, tag?: string, digest?: string): ImageKey {
  const reg = normalizeRegistry(registry && registry.trim() ? registry.trim() : "docker.io");
  const key: ImageKey = { registry: reg, repository: normalizeRepository(reg, repository) };
  if (tag) key.tag = tag;
  const d = digest?.toLowerCase();
  if (d && DIGEST.test(d)) key.digest = d;
  return key;
}

/**
 * The digest a pod status imageID names ("docker-pullable://nginx@sha256:...",
 * "docker.io/library/nginx@sha256:...", "sha256:..."), or undefined. A bare "sha256:" of a local
 * image ID (docker without a registry digest) names the config, not the manifest: still returned,
 * since producers that scan the node's image report the same ID.
 */
export function digestOfImageID(imageID: unknown): string | undefined {
  if (typeof imageID !== "string") return undefined;
  const at = imageID.lastIndexOf("sha256:");
  if (at < 0) return undefined;
  const d = imageID.slice(at).toLowerCase();
  return DIGEST.test(d) ? d : undefined;
}

/** "registry/repository" (the CveException scope and the inventory's "by repository" key). */
export function repositoryName(key: ImageKey): string {
  return `${key.registry}/${key.repository}`;
}

/** "docker.io/library/nginx:1.21.0@sha256:...", for display and logs. */
export function imageKeyString(key: ImageKey): string {
  return `${repositoryName(key)}${key.tag ? `:${key.tag}` : ""}${key.digest ? `@${key.digest}` : ""}`;
}

/** Same repository and, when both name one, the same tag. */
export function sameTag(a: ImageKey, b: ImageKey): boolean {
  return a.registry === b.registry && a.repository === b.repository && !!a.tag && a.tag === b.tag;
}

export const VULN_SEVERITY_RANK: Readonly<Record<VulnSeverity, number>> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };

/** A producer's severity word ("CRITICAL", "Critical", "moderate", "negligible", 9.8...) normalized. */
export function normalizeVulnSeverity(s: unknown): VulnSeverity {
  const v = typeof s === "string" ? s.trim().toLowerCase() : "";
  if (v === "critical") return "critical";
  if (v === "high" || v === "important") return "high";
  if (v === "medium" || v === "moderate") return "medium";
  if (v === "low" || v === "negligible" || v === "minor" || v === "info" || v === "none") return "low";
  return "unknown";
}

export function emptyCounts(): VulnCounts {
  return { critical: { total: 0, fixable: 0 }, high: { total: 0, fixable: 0 }, medium: { total: 0, fixable: 0 }, low: { total: 0, fixable: 0 }, unknown: { total: 0, fixable: 0 } };
}

/** Counts per severity, all and with a fix available. */
export function countVulns(vulns: Iterable<Pick<Vulnerability, "severity" | "fixedVersion">>): VulnCounts {
  const c = emptyCounts();
  for (const v of vulns) {
    const row = c[v.severity] ?? c.unknown;
    row.total++;
    if (v.fixedVersion) row.fixable++;
  }
  return c;
}
