// Container image reference parsing (registry / repository / tag / digest), following the
// distribution reference grammar closely enough for posture checks.

export interface ImageRef {
  /** The reference as written. */
  raw: string;
  /** Registry host as written, or "docker.io" when implied. */
  registry: string;
  /** true when the reference names no registry host (Docker Hub implied). */
  implicitRegistry: boolean;
  /** Repository path without registry, e.g. "library/nginx" is kept as written: "nginx". */
  repository: string;
  tag?: string;
  digest?: string;
}

const cache = new Map<string, ImageRef>();

export function parseImage(image: string): ImageRef {
  const hit = cache.get(image);
  if (hit) return hit;
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1) || undefined;
    rest = rest.slice(0, colon);
  }
  let registry = "docker.io";
  let implicitRegistry = true;
  let repository = rest;
  const first = rest.indexOf("/");
  if (first > 0) {
    const host = rest.slice(0, first);
    if (host.includes(".") || host.includes(":") || host === "localhost") {
      registry = host.toLowerCase();
      implicitRegistry = false;
      repository = rest.slice(first + 1);
    }
  }
  const ref: ImageRef = { raw: image, registry, implicitRegistry, repository, tag, digest };
  if (cache.size > 10_000) cache.clear();
  cache.set(image, ref);
  return ref;
}

// OCI image-spec digest grammar: algorithm ":" encoded, algorithm components joined by + . _ -.
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Hex lengths of the algorithms whose encoding is fixed (OCI registers sha256 and sha512). */
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/**
 * Whether a digest pins content: well-formed per the OCI digest grammar, any algorithm, and for
 * the SHA-2 family lowercase hex of the algorithm's length.
 */
export function isPinningDigest(digest: string | undefined): boolean {
  if (!digest || !DIGEST.test(digest)) return false;
  const colon = digest.indexOf(":");
  const len = HEX_LENGTH[digest.slice(0, colon)];
  if (len === undefined) return true;
  const hex = digest.slice(colon + 1);
  return hex.length === len && /^[a-f0-9]+$/.test(hex);
}

/** Docker Hub under its aliases. */
export function normalizeRegistry(host: string): string {
  const h = host.toLowerCase();
  if (h === "index.docker.io" || h === "registry-1.docker.io" || h === "registry.hub.docker.com") return "docker.io";
  return h;
}

/**
 * Whether an image matches an allow/deny entry. An entry is a registry host ("ghcr.io"), or a
 * registry plus path prefix ("ghcr.io/acme/"); entries match on path-segment boundaries.
 */
export function imageMatchesEntry(ref: ImageRef, entry: string): boolean {
  const e = entry.trim().toLowerCase().replace(/\/+$/, "");
  if (!e) return false;
  const full = `${normalizeRegistry(ref.registry)}/${ref.repository.toLowerCase()}`;
  const slash = e.indexOf("/");
  const entryHost = normalizeRegistry(slash >= 0 ? e.slice(0, slash) : e);
  const entryPath = slash >= 0 ? e.slice(slash) : "";
  const target = entryHost + entryPath;
  return full === target || full.startsWith(target + "/");
}
