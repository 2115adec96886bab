// What the three document parsers share: reading untrusted JSON fields defensively, bounding what
// is kept, and naming the image. A document is data only: parsed with JSON.parse, read field by
// field into fresh objects (never merged or spread), so nothing in it can run or reach a prototype.
import { imageKeyOf, normalizeVulnSeverity } from "../image-key";
import { MAX_VULNS_PER_DOCUMENT, VulnDocumentError, type ImageKey, type Vulnerability, type VulnSeverity } from "../types";

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function arrayAt(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new VulnDocumentError(`${where} must be an array`);
  return v;
}

/** Longest text kept from a document field (titles, package names): longer is cut, not refused. */
const MAX_TEXT = 512;
// C0/C1 controls: a document's text is printed by the CLI, and must not drive the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** A trimmed printable string of at most `max` characters, or undefined. */
export function text(v: unknown, max = MAX_TEXT): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.replace(CONTROL, " ").trim();
  if (!s) return undefined;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A field the format requires: a non-empty string, or an error naming where it is missing. */
export function required(v: unknown, where: string, max = MAX_TEXT): string {
  const s = text(v, max);
  if (s === undefined) throw new VulnDocumentError(`${where} is missing (a non-empty string is required)`);
  return s;
}

// CVE-2021-23017, GHSA-xxxx-xxxx-xxxx, GO-2022-0001, DLA-1234-1, TEMP-0000000-ABCDEF, RUSTSEC-2020-0001...
const VULN_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{1,99}$/;

export function vulnId(v: unknown, where: string): string {
  const s = required(v, where, 200);
  if (!VULN_ID.test(s)) throw new VulnDocumentError(`${where} is not a vulnerability id: ${JSON.stringify(s.slice(0, 60))}`);
  return s;
}

/** Only web links are kept: a document's link is shown as one, and a javascript: URL must not be. */
export function link(v: unknown): string | undefined {
  const s = text(v, 2048);
  return s && /^https?:\/\/[^\s]+$/i.test(s) ? s : undefined;
}

export function score(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 10 ? Math.round(v * 10) / 10 : undefined;
}

/** CVSS v3/v4 qualitative rating of a base score, for producers that give only the score. */
export function severityOfScore(s: number | undefined): VulnSeverity {
  if (s === undefined) return "unknown";
  if (s >= 9) return "critical";
  if (s >= 7) return "high";
  if (s >= 4) return "medium";
  return s > 0 ? "low" : "unknown";
}

export { normalizeVulnSeverity };

/** An ISO time from a producer's timestamp, or undefined when absent or unreadable. */
export function isoTime(v: unknown): string | undefined {
  if (typeof v !== "string" || !v.trim()) return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/** First sentence of a description, for producers without a title (Grype, some CycloneDX). */
export function titleOf(description: unknown): string | undefined {
  const d = text(description, 4096);
  if (!d) return undefined;
  const end = d.search(/\.(\s|$)/);
  return text(end > 0 ? d.slice(0, end + 1) : d, 200);
}

/**
 * Collects vulnerabilities, one per (id, package, installed version): producers repeat a match per
 * file or layer that holds the package. Counts every entry read against MAX_VULNS_PER_DOCUMENT.
 */
export class VulnCollector {
  private readonly seen = new Map<string, Vulnerability>();
  private read = 0;

  /** Call once per vulnerability entry in the document, before reading it. */
  count(): void {
    if (++this.read > MAX_VULNS_PER_DOCUMENT) {
      throw new VulnDocumentError(`the document lists more than ${MAX_VULNS_PER_DOCUMENT.toLocaleString("en-US")} vulnerabilities; import one document per image`);
    }
  }

  add(v: Vulnerability): void {
    const key = `${v.id}\u0000${v.package}\u0000${v.installedVersion}`;
    const had = this.seen.get(key);
    if (!had) {
      this.seen.set(key, v);
      return;
    }
    // Keep what either copy knows (a fix, a score, a VEX statement).
    if (!had.fixedVersion && v.fixedVersion) had.fixedVersion = v.fixedVersion;
    if (had.score === undefined && v.score !== undefined) had.score = v.score;
    if (had.severity === "unknown") had.severity = v.severity;
    if (!had.vex && v.vex) had.vex = v.vex;
    if (v.aliases) had.aliases = [...new Set([...(had.aliases ?? []), ...v.aliases])];
  }

  list(): Vulnerability[] {
    return [...this.seen.values()];
  }
}

// The distribution reference grammar, closely enough to tell an image name from a file path or a
// directory a scanner was pointed at ("image.tar", "./src", "/tmp/rootfs").
const REFERENCE =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const ARCHIVE = /\.(?:tar|tgz|tar\.gz|oci|zip)(?::|$)/i;

export function isImageReference(s: string): boolean {
  return s.length <= 512 && REFERENCE.test(s) && !ARCHIVE.test(s);
}

/** An ImageKey from a reference a document gives, or undefined when it is not an image name. */
export function keyOfReference(ref: unknown): ImageKey | undefined {
  const s = text(ref, 1024);
  return s && isImageReference(s) ? imageKeyOf(s) : undefined;
}

/** The digest of "repo@sha256:..." entries (RepoDigests), preferring one of the given repository. */
export function pickRepoDigest(repoDigests: unknown[], repo?: ImageKey): { key: ImageKey; digest: string } | undefined {
  const keys = repoDigests.map(keyOfReference).filter((k): k is ImageKey => !!k?.digest);
  const same = repo ? keys.find((k) => k.registry === repo.registry && k.repository === repo.repository) : undefined;
  const k = same ?? keys[0];
  return k ? { key: k, digest: k.digest! } : undefined;
}

/** Every digest a document names for its image (several registries can hold one image). */
export function digestsOf(repoDigests: unknown[]): string[] {
  return repoDigests.map(keyOfReference).flatMap((k) => (k?.digest ? [k.digest] : []));
}

/**
 * The image a report is about: the document's own name, unless `image` (the caller's reference)
 * names or pins it. A digest the caller gives must be one the document names, if it names any:
 * pinning a scan to another image's digest would attach its CVEs to the wrong workloads.
 */
export function resolveImage(fromDocument: ImageKey | undefined, documentDigests: string[], image: string | undefined, formatName: string): ImageKey {
  let key = fromDocument;
  if (image !== undefined) {
    const given = text(image, 1024);
    if (!given || !isImageReference(given)) throw new VulnDocumentError(`--image / image must be an image reference like ghcr.io/acme/app:1.2 or ghcr.io/acme/app@sha256:<64 hex>, got ${JSON.stringify(String(image).slice(0, 80))}`);
    const o = imageKeyOf(given);
    if (o.digest && documentDigests.length > 0 && !documentDigests.includes(o.digest)) {
      throw new VulnDocumentError(`the image given (${o.digest}) is not the one the ${formatName} document scanned (${documentDigests.join(", ")})`);
    }
    const sameRepo = !!key && key.registry === o.registry && key.repository === o.repository;
    const out: ImageKey = { registry: o.registry, repository: o.repository };
    const tag = o.tag ?? (sameRepo ? key!.tag : undefined);
    const digest = o.digest ?? (sameRepo ? key!.digest : undefined);
    if (tag) out.tag = tag;
    if (digest) out.digest = digest;
    key = out;
  }
  if (!key) {
    throw new VulnDocumentError(`the ${formatName} document names no container image; give the image it is for (bulwark push --image REF, or ?image=REF)`);
  }
  // A name without tag or digest means the "latest" tag, as a pull of it does.
  if (!key.tag && !key.digest) key.tag = "latest";
  return key;
}

export function severityOf(word: unknown): VulnSeverity {
  return normalizeVulnSeverity(word);
}
