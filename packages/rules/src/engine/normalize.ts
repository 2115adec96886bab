// Rules trust the object metadata shape that KubeObject declares (the API server guarantees it for
// a cluster read). A manifest can break it (`name: 123`, `labels: null`, `ownerReferences: {}`),
// and one such object must not make a rule throw and judge nothing for the whole set. The engine
// therefore hands rules a view whose metadata matches the type; well-formed objects (all of a
// cluster read) are passed through untouched, so the check costs a few type tests per object.
import type { KubeObject } from "../types";

type Meta = KubeObject["metadata"];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isStringMap(v: unknown): boolean {
  if (v === undefined) return true;
  if (!isPlainObject(v)) return false;
  for (const k in v) if (typeof v[k] !== "string") return false;
  return true;
}

function isOwnerRefs(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (const r of v) {
    if (!isPlainObject(r)) return false;
    if (typeof r.kind !== "string" || typeof r.name !== "string" || typeof r.uid !== "string") return false;
  }
  return true;
}

const optionalString = (v: unknown) => v === undefined || typeof v === "string";

function metaIsClean(md: unknown): boolean {
  if (!isPlainObject(md)) return false;
  return (
    optionalString(md.name) &&
    optionalString(md.namespace) &&
    optionalString(md.uid) &&
    optionalString(md.creationTimestamp) &&
    isStringMap(md.labels) &&
    isStringMap(md.annotations) &&
    isOwnerRefs(md.ownerReferences)
  );
}

/** A YAML scalar an author meant as a string (`name: 123`, `version: 1.0`); anything else is dropped. */
function scalarString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function cleanStringMap(v: unknown): Record<string, string> | undefined {
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = scalarString(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

function cleanMeta(md: unknown): Meta {
  const src = isPlainObject(md) ? md : {};
  const out: Meta = { ...src };
  for (const f of ["name", "namespace", "uid", "creationTimestamp", "resourceVersion"] as const) {
    if (!(f in src)) continue;
    const s = scalarString(src[f]);
    if (s === undefined) delete out[f];
    else out[f] = s;
  }
  for (const f of ["labels", "annotations"] as const) {
    if (!(f in src)) continue;
    const m = cleanStringMap(src[f]);
    if (m === undefined) delete out[f];
    else out[f] = m;
  }
  if ("ownerReferences" in src) {
    const refs = src.ownerReferences;
    if (Array.isArray(refs)) {
      out.ownerReferences = refs.filter(
        (r): r is NonNullable<Meta["ownerReferences"]>[number] =>
          isPlainObject(r) && typeof r.kind === "string" && typeof r.name === "string" && typeof r.uid === "string",
      );
    } else delete out.ownerReferences;
  }
  return out;
}

/**
 * The objects rules may judge: non-objects and objects without a string kind are dropped (no rule
 * can address them), and an object with malformed metadata is replaced by a shallow copy with
 * clean metadata. `locations` (index-aligned with `objects`) is kept aligned. Returns the inputs
 * themselves when nothing needed fixing.
 */
export function normalizeObjects<L>(
  objects: readonly KubeObject[],
  locations?: readonly L[],
): { objects: KubeObject[]; locations?: L[]; changed: boolean } {
  let out: KubeObject[] | undefined;
  let locs: L[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i] as unknown;
    let fixed: KubeObject | undefined = o as KubeObject;
    if (!isPlainObject(o) || typeof o.kind !== "string") fixed = undefined;
    else if (!metaIsClean(o.metadata)) fixed = { ...(o as KubeObject), metadata: cleanMeta(o.metadata) };
    if (fixed !== o && !out) {
      out = objects.slice(0, i) as KubeObject[];
      if (locations) locs = locations.slice(0, i) as L[];
    }
    if (out && fixed) {
      out.push(fixed);
      if (locs) locs.push(locations![i] as L);
    }
  }
  if (!out) return { objects: objects as KubeObject[], locations: locations as L[] | undefined, changed: false };
  return { objects: out, locations: locs, changed: true };
}
