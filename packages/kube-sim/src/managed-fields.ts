// metadata.managedFields as the apiserver's field manager keeps them: one entry per
// (manager, operation, subresource), FieldsV1 sets of the paths each manager set, ownership moving
// to whoever wrote a field last. Without schemas the sets are approximate (lists of objects that
// carry a usual merge key are keyed, other lists are atomic), but well-formed and stable.
import type { KubeObject } from "./types";

/** FieldsV1: nested "f:<field>" / "k:<key json>" nodes; "." marks a node that is itself owned. */
export type FieldsV1 = { [pathElement: string]: FieldsV1 };

export interface ManagedFieldsEntry {
  manager: string;
  operation: "Update" | "Apply";
  apiVersion: string;
  time: string;
  fieldsType: "FieldsV1";
  fieldsV1: FieldsV1;
  subresource?: string;
}

export interface FieldManagerWrite {
  manager: string;
  operation: "Update" | "Apply";
  /** apiVersion of the request (the group version the manager spoke) */
  apiVersion: string;
  /** "scale" writes spec.replicas of the main resource: it shares the main resource's field scope */
  subresource?: "status" | "scale";
  /** for Apply: the applied configuration (what the manager declares it owns) */
  applied?: KubeObject;
  now?: Date;
}

// Same merge keys as the strategic merge in server.ts: lists of objects carrying one are keyed.
const MERGE_KEYS = ["name", "containerPort", "mountPath", "devicePath", "ip", "port", "topologyKey"];
// Server-owned identity and bookkeeping fields the field manager never records.
const STRIPPED_META = new Set(["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"]);
// Structs that exist (empty) on every object of the built-in kinds, so writing into them never
// makes the struct itself owned; approximates the Go types' non-pointer struct fields.
const ALWAYS_PRESENT = new Set(["f:metadata", "f:spec", "f:status", "f:template"]);

const SEP = "\u0001";

function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function mergeKeyOf(list: unknown[]): string | undefined {
  if (list.length === 0 || !list.every(isObj)) return undefined;
  const key = MERGE_KEYS.find((k) => list.every((item) => (item as Record<string, unknown>)[k] !== undefined));
  if (!key) return undefined;
  // A key that does not identify items (duplicates) cannot key the list.
  const seen = new Set(list.map((item) => JSON.stringify((item as Record<string, unknown>)[key])));
  return seen.size === list.length ? key : undefined;
}

function itemElement(key: string, item: Record<string, unknown>): string {
  return `k:${JSON.stringify({ [key]: item[key] })}`;
}

/** The object without what the field manager ignores (apiVersion, kind, identity metadata). */
function stripped(obj: KubeObject | undefined, subresource?: string): Record<string, unknown> | undefined {
  if (!obj) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === "apiVersion" || k === "kind") continue;
    // The status subresource writes only status; the main resource's status is the controllers'.
    if (subresource === "status" ? k !== "status" : k === "status") continue;
    if (k === "metadata" && isObj(v)) {
      const md: Record<string, unknown> = {};
      for (const [mk, mv] of Object.entries(v)) if (!STRIPPED_META.has(mk) && mv !== undefined) md[mk] = mv;
      if (Object.keys(md).length) out.metadata = md;
      continue;
    }
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Paths set or changed going from `before` to `after` (all of `after` when before is absent).
 * An Update owns a map it introduced ("."); an Apply owns only what its configuration names, so
 * a map is itself in its set only when empty (the apiserver's ToFieldSet).
 */
function changedPaths(before: unknown, after: unknown, path: string, out: Set<string>, apply: boolean, last?: string): void {
  if (isObj(after)) {
    const entries = Object.entries(after).filter(([, v]) => v !== undefined);
    if (!isObj(before)) {
      if (path && (entries.length === 0 || (!apply && !ALWAYS_PRESENT.has(last!)))) out.add(path);
      for (const [k, v] of entries) changedPaths(undefined, v, path ? `${path}${SEP}f:${k}` : `f:${k}`, out, apply, `f:${k}`);
      return;
    }
    for (const [k, v] of entries) {
      if (!deepEqual(before[k], v)) changedPaths(before[k], v, path ? `${path}${SEP}f:${k}` : `f:${k}`, out, apply, `f:${k}`);
    }
    return;
  }
  if (Array.isArray(after)) {
    const key = mergeKeyOf(after);
    if (key) {
      const prev = new Map<string, unknown>();
      if (Array.isArray(before) && mergeKeyOf(before) === key) {
        for (const item of before as Array<Record<string, unknown>>) prev.set(JSON.stringify(item[key]), item);
      }
      for (const item of after as Array<Record<string, unknown>>) {
        const old = prev.get(JSON.stringify(item[key]));
        if (old !== undefined && deepEqual(old, item)) continue;
        const p = `${path}${SEP}${itemElement(key, item)}`;
        if (old === undefined) out.add(p);
        changedPaths(old, item, p, out, apply);
      }
      return;
    }
  }
  // Scalars and atomic lists are leaves.
  out.add(path);
}

/** Whether a path still names something in the object (ownership of removed fields lapses). */
function exists(obj: unknown, path: string): boolean {
  let cur: unknown = obj;
  for (const el of path.split(SEP)) {
    if (el.startsWith("f:")) {
      if (!isObj(cur)) return false;
      cur = cur[el.slice(2)];
      if (cur === undefined) return false;
    } else if (el.startsWith("k:")) {
      if (!Array.isArray(cur)) return false;
      const want = JSON.parse(el.slice(2)) as Record<string, unknown>;
      const [k, v] = Object.entries(want)[0]!;
      cur = cur.find((item) => isObj(item) && deepEqual(item[k], v));
      if (cur === undefined) return false;
    } else return false;
  }
  return true;
}

export function toFieldsV1(paths: Set<string>): FieldsV1 {
  const root: FieldsV1 = {};
  for (const p of paths) {
    let node = root;
    for (const el of p.split(SEP)) node = node[el] ??= {};
  }
  // A node that has children and is itself in the set carries ".".
  const mark = (node: FieldsV1, prefix: string): FieldsV1 => {
    const keys = Object.keys(node).sort();
    const out: FieldsV1 = {};
    const children = keys.map((k) => [k, prefix ? `${prefix}${SEP}${k}` : k] as const);
    for (const [k, p] of children) {
      const child = node[k]!;
      if (Object.keys(child).length > 0 && paths.has(p)) out[k] = { ".": {}, ...mark(child, p) };
      else out[k] = mark(child, p);
    }
    return out;
  };
  return mark(root, "");
}

export function fromFieldsV1(f: FieldsV1 | undefined): Set<string> {
  const out = new Set<string>();
  const walk = (node: FieldsV1, prefix: string) => {
    for (const [k, child] of Object.entries(node)) {
      if (k === ".") {
        if (prefix) out.add(prefix);
        continue;
      }
      const p = prefix ? `${prefix}${SEP}${k}` : k;
      if (!isObj(child) || Object.keys(child).length === 0) out.add(p);
      else walk(child, p);
    }
  };
  if (isObj(f)) walk(f, "");
  return out;
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The order the apiserver encodes entries in: Apply before Update, then oldest first, then by name. */
function sortEntries(list: ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  return list.sort((a, b) => {
    if (a.operation !== b.operation) return a.operation < b.operation ? -1 : 1;
    if (a.time !== b.time) return a.time < b.time ? -1 : 1;
    if (a.manager !== b.manager) return a.manager < b.manager ? -1 : 1;
    if (a.apiVersion !== b.apiVersion) return a.apiVersion < b.apiVersion ? -1 : 1;
    return (a.subresource ?? "") < (b.subresource ?? "") ? -1 : 1;
  });
}

function isEntry(v: unknown): v is ManagedFieldsEntry {
  return isObj(v) && typeof v.manager === "string" && (v.operation === "Update" || v.operation === "Apply");
}

/**
 * managedFields after a write: the writer's entry gains what it set (Update) or becomes exactly
 * what it applied (Apply); other managers lose those fields (Update and forced Apply transfer
 * ownership) and any field that no longer exists; empty entries disappear.
 */
export function nextManagedFields(before: KubeObject | undefined, after: KubeObject, w: FieldManagerWrite): ManagedFieldsEntry[] {
  const prior = (Array.isArray(before?.metadata.managedFields) ? (before.metadata.managedFields as unknown[]) : []).filter(isEntry);
  const afterView = stripped(after);
  const afterStatus = stripped(after, "status");
  const live = (p: string, sub?: string) => exists(sub === "status" ? afterStatus : afterView, p);
  let taken: Set<string>;
  if (w.operation === "Apply") {
    taken = new Set();
    changedPaths(undefined, stripped(w.applied ?? after, w.subresource), "", taken, true);
  } else {
    taken = new Set();
    changedPaths(stripped(before, w.subresource) ?? {}, stripped(after, w.subresource), "", taken, false);
  }
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const e of prior) {
    const same = e.manager === w.manager && e.operation === w.operation && (e.subresource ?? "") === (w.subresource ?? "");
    if (same) {
      mine = e;
      continue;
    }
    const sub = e.subresource;
    const sameScope = (sub === "status") === (w.subresource === "status");
    const set = new Set([...fromFieldsV1(e.fieldsV1)].filter((p) => live(p, sub) && !(sameScope && taken.has(p))));
    if (set.size > 0) out.push({ ...e, fieldsV1: toFieldsV1(set) });
  }
  const own = w.operation === "Apply" ? new Set(taken) : new Set([...fromFieldsV1(mine?.fieldsV1), ...taken]);
  const ownLive = new Set([...own].filter((p) => live(p, w.subresource)));
  if (ownLive.size > 0 && (taken.size > 0 || mine)) {
    const entry: ManagedFieldsEntry = {
      manager: w.manager,
      operation: w.operation,
      apiVersion: w.apiVersion,
      time: timestamp(w.now ?? new Date()),
      fieldsType: "FieldsV1",
      fieldsV1: toFieldsV1(ownLive),
    };
    if (w.subresource) entry.subresource = w.subresource;
    out.push(entry);
  }
  return sortEntries(out);
}

/** The manager of a request: ?fieldManager=, else the User-Agent up to its first "/", as the apiserver does. */
export function managerOf(fieldManager: string | null, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  return (userAgent ?? "").split("/")[0]!.slice(0, 128);
}
