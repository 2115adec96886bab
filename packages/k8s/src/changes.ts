// What changed between two states of one object, for the change history: who made the change
// (from metadata.managedFields, read before minimisation drops them) and a compact list of changed
// field paths (never values). Pure functions; the watcher calls them on every event.
import { createHmac } from "node:crypto";
import type { KubeObject } from "@bulwark/rules";

/** Paths listed for one change; the rest is summarised as "... and N more". */
export const MAX_CHANGED_FIELDS = 50;
/** Path segments below which a difference is reported at the cut (deeper paths say little more). */
export const MAX_FIELD_DEPTH = 10;

interface ManagedFieldsEntry {
  manager?: unknown;
  operation?: unknown;
  time?: unknown;
  subresource?: unknown;
}

/**
 * One managedFields entry reduced to what names a writer: manager, operation, subresource, time
 * (joined by NUL). Kept per stored object in place of managedFields, so that the next write can be
 * told apart from the entries it did not touch.
 */
export function writeStamps(raw: Record<string, unknown>): string[] {
  const md = raw.metadata;
  if (md === null || typeof md !== "object") return [];
  const entries = (md as { managedFields?: unknown }).managedFields;
  if (!Array.isArray(entries)) return [];
  const out: string[] = [];
  for (const e of entries as ManagedFieldsEntry[]) {
    if (e === null || typeof e !== "object" || typeof e.manager !== "string" || !e.manager) continue;
    if (e.operation !== "Update" && e.operation !== "Apply") continue;
    const sub = typeof e.subresource === "string" ? e.subresource.slice(0, 64) : "";
    out.push(`${e.manager.slice(0, 128)}\u0000${e.operation}\u0000${sub}\u0000${typeof e.time === "string" ? e.time.slice(0, 40) : ""}`);
  }
  return out;
}

/**
 * The field manager of a write, from the object's stamps after it and (for a modification) before
 * it: the entries the write added or re-timed are the writer's; among them, or among all entries
 * when none differs, the one with the latest `time` wins, a later entry winning a tie (times have
 * one-second resolution). Status writes are skipped unless nothing else qualifies: a kubelet's status
 * update is not who changed the spec. The raw name is kept ("kubectl-client-side-apply", "helm").
 */
export function writerOf(stamps: readonly string[], before?: readonly string[]): string | undefined {
  const old = new Set(before ?? []);
  const fresh = before ? stamps.filter((s) => !old.has(s)) : [];
  let best: { manager: string; time: number; status: boolean } | undefined;
  for (const stamp of fresh.length > 0 ? fresh : stamps) {
    const [manager, , sub, t] = stamp.split("\u0000") as [string, string, string, string];
    const parsed = Date.parse(t);
    const time = Number.isNaN(parsed) ? 0 : parsed;
    const status = sub === "status";
    const better = !best || (best.status && !status) || (best.status === status && time >= best.time);
    if (better) best = { manager, time, status };
  }
  return best?.manager;
}

/** The manager of the newest write to a raw object (managedFields still present): see writerOf. */
export function managerOf(raw: Record<string, unknown>): string | undefined {
  return writerOf(writeStamps(raw));
}

/**
 * Per-key digests of a Secret's values, keyed with a secret that lives only in this process: a
 * rotated value of the same length changes the digest, so the change history can say "data.token"
 * without the value or anything that could be matched against a guess outside this process.
 */
export class SecretDigests {
  readonly #key: Buffer;
  readonly #byObject = new WeakMap<KubeObject, Readonly<Record<string, string>>>();
  constructor(key: Buffer) {
    this.#key = key;
  }

  /** Call with the raw Secret, before minimisation redacts its values. */
  digest(raw: Record<string, unknown>): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    let any = false;
    for (const field of ["data", "stringData"] as const) {
      const values = raw[field];
      if (values === null || typeof values !== "object") continue;
      for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
        out[`${field}.${k}`] = createHmac("sha256", this.#key).update(typeof v === "string" ? v : "").digest("base64").slice(0, 16);
        any = true;
      }
    }
    return any ? out : undefined;
  }

  set(obj: KubeObject, digests: Record<string, string> | undefined): void {
    if (digests) this.#byObject.set(obj, Object.freeze(digests));
  }

  get(obj: KubeObject): Readonly<Record<string, string>> | undefined {
    return this.#byObject.get(obj);
  }
}

/** Fields whose change alone is not a change: bookkeeping and heartbeats. */
const IGNORED_METADATA = new Set(["resourceVersion", "managedFields", "generation"]);

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function join(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/** A heartbeat: a time field the kubelet or a lease holder rewrites without anything changing. */
function ignored(kind: string, path: string, key: string): boolean {
  if (path === "metadata" && IGNORED_METADATA.has(key)) return true;
  if (kind === "Node" && key === "lastHeartbeatTime" && path.startsWith("status.conditions")) return true;
  if (kind === "Lease" && path === "spec" && key === "renewTime") return true;
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    n++;
    if (!deepEqual(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) n--;
  return n === 0;
}

/**
 * Elements keyed by `name` (containers, env, volumes) or else `type` (conditions) when every
 * element has a distinct one, so that a reordered or inserted element does not shift the rest.
 */
function keysBy(list: unknown[], field: string): string[] | undefined {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const el of list) {
    const name = isRecord(el) ? el[field] : undefined;
    if (typeof name !== "string" || seen.has(name)) return undefined;
    seen.add(name);
    names.push(name);
  }
  return names;
}

function namedKeys(a: unknown[], b: unknown[]): [string[], string[]] | undefined {
  if (a.length === 0 && b.length === 0) return undefined;
  for (const field of ["name", "type"]) {
    const na = keysBy(a, field);
    const nb = keysBy(b, field);
    if (na && nb) return [na, nb];
  }
  return undefined;
}

class Collector {
  readonly paths: string[] = [];
  more = 0;
  constructor(readonly limit: number) {}
  add(path: string): void {
    if (this.paths.length < this.limit) this.paths.push(path || "(object)");
    else this.more++;
  }
}

function walk(kind: string, a: unknown, b: unknown, path: string, depth: number, out: Collector): void {
  if (a === b) return;
  if (depth >= MAX_FIELD_DEPTH) {
    if (!deepEqual(a, b)) out.add(path);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (ignored(kind, path, k)) continue;
      walk(kind, a[k], b[k], join(path, k), depth + 1, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const named = namedKeys(a, b);
    if (named) {
      const [na, nb] = named;
      const byName = new Map<string, [unknown, unknown]>();
      a.forEach((el, i) => byName.set(na[i]!, [el, undefined]));
      b.forEach((el, i) => {
        const pair = byName.get(nb[i]!);
        if (pair) pair[1] = el;
        else byName.set(nb[i]!, [undefined, el]);
      });
      for (const [name, [x, y]] of byName) walk(kind, x, y, `${path}[${name}]`, depth + 1, out);
      return;
    }
    if (a.length === b.length && a.some((el) => el !== null && typeof el === "object")) {
      for (let i = 0; i < a.length; i++) walk(kind, a[i], b[i], `${path}[${i}]`, depth + 1, out);
      return;
    }
    // Lists of scalars (args, verbs) or of unnamed objects that grew or shrank: the list changed.
    if (!deepEqual(a, b)) out.add(path);
    return;
  }
  // Heartbeat-only list entries (Node conditions) go through the keyed walk above; here a leaf
  // or a type change differs unless both are equal scalars.
  if (!deepEqual(a, b)) out.add(path);
}

/**
 * Changed field paths from `before` to `after` (minimised objects), at most `limit` then
 * "... and N more". Empty when only bookkeeping or heartbeat fields changed: a no-op. Secrets
 * compare their redacted data plus the per-key digests given, so a same-length rotation shows.
 */
export function changedFields(
  before: KubeObject,
  after: KubeObject,
  opts: { limit?: number; digests?: [Readonly<Record<string, string>> | undefined, Readonly<Record<string, string>> | undefined] } = {},
): string[] {
  const out = new Collector(opts.limit ?? MAX_CHANGED_FIELDS);
  const kind = after.kind;
  walk(kind, before, after, "", 0, out);
  if (kind === "Secret" && opts.digests) {
    const [da, db] = opts.digests;
    const seen = new Set(out.paths);
    for (const k of new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])) {
      if (da?.[k] === db?.[k]) continue;
      const path = join(k.split(".")[0]!, k.slice(k.indexOf(".") + 1));
      if (!seen.has(path)) out.add(path);
    }
  }
  const paths = out.paths;
  if (out.more > 0) paths.push(`... and ${out.more} more`);
  return paths;
}
