// In-memory object store with the apiserver's semantics the simulator needs: a global
// resourceVersion counter, stable (namespace, name) order per collection, O(log n) continue
// handling, cached JSON per object, and an event log that watches replay from.
import { createHash } from "node:crypto";
import type { ResourceDef } from "./resources";
import type { KubeObject } from "./types";
import type { Matcher } from "./selectors";

export interface Entry {
  key: string;
  obj: KubeObject;
  json?: string;
}

export type EventType = "ADDED" | "MODIFIED" | "DELETED";

export interface WatchEvent {
  rv: number;
  coll: string;
  type: EventType;
  entry: Entry;
}

export interface Watcher {
  coll: string;
  /** `line` is the event's JSON line, built once per event for every watcher that wants it as is */
  send(ev: WatchEvent, line: () => string): void;
}

class Collection {
  readonly entries = new Map<string, Entry>();
  private sorted: string[] = [];
  private dirty = false;

  set(entry: Entry): void {
    const existed = this.entries.has(entry.key);
    this.entries.set(entry.key, entry);
    if (existed) return;
    const last = this.sorted[this.sorted.length - 1];
    if (!this.dirty && (last === undefined || entry.key > last)) this.sorted.push(entry.key);
    else this.dirty = true;
  }

  delete(key: string): boolean {
    if (!this.entries.delete(key)) return false;
    this.dirty = true;
    return true;
  }

  keys(): string[] {
    if (this.dirty) {
      this.sorted = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.dirty = false;
    }
    return this.sorted;
  }
}

/** First index whose key is > after (or >= from when inclusive). */
function lowerBound(keys: string[], target: string, strict: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < target || (strict && k === target)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}\u0000${name}`;
}

export function collKey(def: { group: string; plural: string }): string {
  return `${def.group}/${def.plural}`;
}

export function entryJson(e: Entry): string {
  e.json ??= JSON.stringify(e.obj);
  return e.json;
}

/** Events kept for watches to resume from (the apiserver's watch cache is bounded the same way). */
export const DEFAULT_EVENT_LOG_SIZE = 20_000;

export function eventLine(type: string, json: string): string {
  return `{"type":"${type}","object":${json}}\n`;
}

export class ObjectStore {
  private readonly colls = new Map<string, Collection>();
  private rv = 1000;
  // The log is log[head..]; dropped events are spliced off in batches so that a full log costs
  // O(1) per event rather than an O(n) shift.
  private log: WatchEvent[] = [];
  private head = 0;
  private logStart = 0; // rv before which events are no longer replayable
  // Per collection, so an event costs nothing for watchers of other collections.
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly baseTime: number;
  private loaded = false;

  constructor(
    private readonly seed: number,
    private readonly logSize = DEFAULT_EVENT_LOG_SIZE,
  ) {
    // Round to the hour so timestamps are stable within a run and look like a real cluster's.
    this.baseTime = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  }

  resourceVersion(): number {
    return this.rv;
  }

  private coll(key: string): Collection {
    let c = this.colls.get(key);
    if (!c) {
      c = new Collection();
      this.colls.set(key, c);
    }
    return c;
  }

  uidFor(ck: string, ns: string | undefined, name: string): string {
    const h = createHash("sha1").update(`${this.seed}|${ck}|${ns ?? ""}|${name}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private ageFor(uid: string): number {
    // 1 hour .. ~60 days, derived from the uid so it is deterministic per object.
    return (3600 + (parseInt(uid.slice(0, 6), 16) % (60 * 86400))) * 1000;
  }

  /**
   * Creates or replaces; assigns server-owned metadata. Returns the stored object. With `dryRun`
   * it returns the object as it would be stored and changes nothing: no resourceVersion is handed
   * out (a created object has none, a replaced one keeps its current one), no event.
   */
  put(def: ResourceDef, input: KubeObject, opts: { quiet?: boolean; dryRun?: boolean } = {}): { obj: KubeObject; created: boolean } {
    const ck = collKey(def);
    const c = this.coll(ck);
    const name = String(input.metadata?.name ?? "");
    const ns = def.namespaced ? String(input.metadata?.namespace ?? "default") : undefined;
    const key = objectKey(ns, name);
    const prev = c.entries.get(key);
    const md: KubeObject["metadata"] = { ...(input.metadata ?? {}), name };
    if (def.namespaced) md.namespace = ns;
    else delete md.namespace;
    if (prev) {
      md.uid = prev.obj.metadata.uid;
      md.creationTimestamp = prev.obj.metadata.creationTimestamp;
      const prevGen = typeof prev.obj.metadata.generation === "number" ? prev.obj.metadata.generation : 1;
      const specChanged = JSON.stringify(prev.obj.spec) !== JSON.stringify(input.spec);
      if (input.spec !== undefined) md.generation = specChanged ? prevGen + 1 : prevGen;
    } else {
      md.uid ??= this.uidFor(ck, ns, name);
      // Objects present at start look as old as a running cluster's; later ones are created now.
      const created = this.loaded ? Date.now() : this.baseTime - this.ageFor(md.uid);
      md.creationTimestamp ??= new Date(created).toISOString().replace(/\.\d{3}Z$/, "Z");
      if (input.spec !== undefined && md.generation === undefined) md.generation = 1;
    }
    if (opts.dryRun) {
      if (prev) md.resourceVersion = prev.obj.metadata.resourceVersion;
      else delete md.resourceVersion;
      return { obj: { ...input, apiVersion: input.apiVersion, kind: input.kind, metadata: md }, created: !prev };
    }
    md.resourceVersion = String(++this.rv);
    const obj: KubeObject = { ...input, apiVersion: input.apiVersion, kind: input.kind, metadata: md };
    const entry: Entry = { key, obj };
    c.set(entry);
    if (!opts.quiet) this.emit({ rv: this.rv, coll: ck, type: prev ? "MODIFIED" : "ADDED", entry });
    return { obj, created: !prev };
  }

  get(ck: string, ns: string | undefined, name: string): Entry | undefined {
    return this.colls.get(ck)?.entries.get(objectKey(ns, name));
  }

  delete(ck: string, ns: string | undefined, name: string): KubeObject | undefined {
    const c = this.colls.get(ck);
    const key = objectKey(ns, name);
    const prev = c?.entries.get(key);
    if (!c || !prev) return undefined;
    c.delete(key);
    const obj: KubeObject = { ...prev.obj, metadata: { ...prev.obj.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ rv: this.rv, coll: ck, type: "DELETED", entry: { key, obj } });
    return obj;
  }

  /**
   * One page of a list, in key order, starting after `after` (a key from a continue token).
   * Returns the entries and the last key when more matching entries remain.
   */
  page(
    ck: string,
    opts: { namespace?: string; after?: string; limit?: number; match?: Matcher },
  ): { entries: Entry[]; next?: string; remaining?: number } {
    const c = this.colls.get(ck);
    if (!c) return { entries: [] };
    const keys = c.keys();
    let from = 0;
    let to = keys.length;
    if (opts.namespace !== undefined) {
      from = lowerBound(keys, `${opts.namespace}\u0000`, false);
      to = lowerBound(keys, `${opts.namespace}\u0001`, false);
    }
    if (opts.after !== undefined) from = Math.max(from, lowerBound(keys, opts.after, true));
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const out: Entry[] = [];
    for (let i = from; i < to; i++) {
      const e = c.entries.get(keys[i]!)!;
      if (opts.match && !opts.match(e.obj)) continue;
      if (out.length === limit) {
        return { entries: out, next: out[out.length - 1]!.key, remaining: opts.match ? undefined : to - i };
      }
      out.push(e);
    }
    return { entries: out };
  }

  /** Deletes every object in a namespace (what the namespace controller does on deletion). */
  deleteNamespaceContents(ns: string): number {
    let n = 0;
    for (const [ck, c] of this.colls) {
      const victims = [...c.entries.values()].filter((e) => e.obj.metadata.namespace === ns);
      for (const e of victims) if (this.delete(ck, ns, String(e.obj.metadata.name))) n++;
    }
    return n;
  }

  all(): Entry[] {
    const out: Entry[] = [];
    for (const c of this.colls.values()) for (const k of c.keys()) out.push(c.entries.get(k)!);
    return out;
  }

  count(): number {
    let n = 0;
    for (const c of this.colls.values()) n += c.entries.size;
    return n;
  }

  private emit(ev: WatchEvent): void {
    this.log.push(ev);
    if (this.log.length - this.head > this.logSize) {
      // The dropped event's rv is the oldest a watch may still resume from (it has seen it).
      this.logStart = this.log[this.head]!.rv;
      this.head++;
      if (this.head >= 1024 && this.head * 2 >= this.log.length) {
        this.log = this.log.slice(this.head);
        this.head = 0;
      }
    }
    const ws = this.watchers.get(ev.coll);
    if (!ws || ws.size === 0) return;
    let line: string | undefined;
    const lineOf = () => (line ??= eventLine(ev.type, entryJson(ev.entry)));
    for (const w of ws) w.send(ev, lineOf);
  }

  /** Events after rv for a collection; undefined when rv is older than the retained log. */
  since(ck: string, rv: number): WatchEvent[] | undefined {
    if (rv < this.logStart) return undefined;
    // The log is in rv order: binary search for the first event after rv.
    let lo = this.head;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.log[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    const out: WatchEvent[] = [];
    for (let i = lo; i < this.log.length; i++) if (this.log[i]!.coll === ck) out.push(this.log[i]!);
    return out;
  }

  /** Like etcd compaction: every resourceVersion handed out so far becomes too old. */
  compact(): void {
    this.rv++;
    this.log = [];
    this.head = 0;
    this.logStart = this.rv;
  }

  /** Oldest resourceVersion a continue token or watch may still start from. */
  oldestUsable(): number {
    return this.logStart;
  }

  /** Marks the start of the replayable log (objects loaded at start are not events). */
  markLoaded(): void {
    this.loaded = true;
    // Sort once now so the first list after start does not pay for it.
    for (const c of this.colls.values()) c.keys();
    this.logStart = this.rv;
  }

  addWatcher(w: Watcher): () => void {
    let ws = this.watchers.get(w.coll);
    if (!ws) {
      ws = new Set();
      this.watchers.set(w.coll, ws);
    }
    ws.add(w);
    return () => {
      ws.delete(w);
    };
  }
}
