// Continuous reading of a cluster through the API (agentless): the reader's discovery and paged
// lists for the baseline, then one watch per kind from the list's resourceVersion, kept current
// the way client-go's reflector does it: bookmarks advance the resourceVersion, a clean end
// (timeoutSeconds) re-watches from it, 410 Gone relists and diffs the list against the store so
// nothing is lost, disconnects back off with full jitter. Same vetted credential, network guards,
// byte limits and minimisation as readCluster; only minimised objects are kept, once.
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { KindReadResult, KubeObject, Snapshot } from "@bulwark/rules";
import { changedFields, SecretDigests, writeStamps, writerOf } from "./changes";
import { ClusterUnreachableError, ScanLimitError } from "./errors";
import { AbortedError, ByteBudget, HttpStatusError, KubeHttp, describeError } from "./http";
import { minimizeObject } from "./minimize";
import {
  DEFAULT_SCAN_MAX_BYTES,
  MAX_OBJECTS,
  MAX_PAGES_PER_LIST,
  discover,
  heapGuard,
  clusterSnapshot,
  listKind,
  pool,
  prepare,
  recordListError,
  type ListLimits,
  type Minimizer,
  type Plan,
  type ReadOptions,
  type VersionInfo,
} from "./reader";
import { groupVersion, groupVersionPath } from "./resources";

export type WatchChangeType = "added" | "modified" | "deleted";

export interface WatchChange {
  type: WatchChangeType;
  /** Minimised, as readCluster's snapshot objects (deleted: the last state). */
  object: KubeObject;
  /** The minimised previous state (modified, deleted): the stored object itself, not a copy. */
  previous?: KubeObject;
  /** When the watcher received it. */
  at: Date;
  /** Who made the change, from metadata.managedFields (absent for deletions: they name no one). */
  manager?: string;
  /** Changed field paths for "modified" (never values); [] otherwise. */
  fields: string[];
  resourceVersion?: string;
}

export type WatchState = "starting" | "live" | "fallback" | "error";

export interface ClusterWatchOptions
  extends Pick<
    ReadOptions,
    | "allowPrivateNetworks"
    | "allowInsecureTls"
    | "signal"
    | "maxBytes"
    | "maxBytesSetting"
    | "maxResponseBytes"
    | "maxPagesPerList"
    | "pageSize"
    | "concurrency"
    | "requestTimeoutMs"
    | "retries"
  > {
  /** Batched: called with the changes received since the last call (at most every batchMs, default 250). */
  onChanges(changes: WatchChange[]): void | Promise<void>;
  /** State transitions: "fallback" = this credential may not watch (403 on watch) -> error names the kind(s). */
  onState?(state: WatchState, detail?: { error?: string }): void;
  /** Server-side watch timeout (timeoutSeconds), default a random 240..360 s per stream. */
  watchTimeoutSeconds?: number;
  /** Backoff on disconnects: base and cap, with full jitter. Default 800 ms .. 30 s (client-go's). */
  backoffMs?: { base: number; cap: number };
  /** Least time between two onChanges calls; default 250. */
  batchMs?: number;
}

export interface ClusterWatchStats {
  objects: number;
  relists: number;
  reconnects: number;
  events: number;
  bookmarks: number;
  state: WatchState;
}

export interface ClusterWatch {
  /** Resolves after the initial list of every kind (the baseline); rejects when the cluster cannot be read at all. */
  readonly synced: Promise<void>;
  /** The current state as a Snapshot (as readCluster's); rebuilt only after a change, objects shared, not copied. */
  snapshot(): Snapshot;
  stats(): ClusterWatchStats;
  /** Closes every stream and timer, then hands the changes still pending to onChanges. */
  stop(): Promise<void>;
}

/** Changes held for a slow consumer before they are folded per object (latest state, first previous). */
export const MAX_PENDING_CHANGES = 5_000;
/** A watch that ends sooner than this with no event is a server refusing to stream: back off. */
const MIN_HEALTHY_STREAM_MS = 5_000;
/** Consecutive failures of a kind's stream before it counts as down (one drop is routine). */
const FAILING_AFTER = 3;
/** Kinds named in the fallback message before "and N more". */
const NAMED_KINDS = 6;

interface KindState {
  plan: Plan;
  apiVersion: string;
  path: string;
  /** namespace/name -> minimised object, in list order then arrival order. */
  objects: Map<string, KubeObject>;
  rv?: string;
  needList: boolean;
  /** The next successful list is a baseline (never listed, or listed again after being hidden): not changes. */
  baseline: boolean;
  watchForbidden?: string;
  failures: number;
  lastError?: string;
  /** An error no retry fixes by itself (credentials rejected, a byte or memory limit). */
  fatal?: string;
}

interface Pending {
  seq: number;
  change: WatchChange;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** Folds two pending changes of one object into one; null when together they changed nothing. */
function fold(a: WatchChange, b: WatchChange): WatchChange | null {
  if (a.type === "added") {
    if (b.type === "deleted") return null;
    return { ...b, type: "added", fields: [], previous: undefined };
  }
  if (b.type === "added" || b.type === "modified") {
    // modified+modified, or deleted+added (recreated): one modification from the first previous.
    const previous = a.type === "deleted" ? (a.previous ?? a.object) : a.previous;
    if (!previous) return b;
    const fields = changedFields(previous, b.object);
    if (fields.length === 0) return null;
    return { ...b, type: "modified", previous, fields };
  }
  // then deleted: the object is gone, whatever happened before
  return a.previous ? { ...b, previous: a.previous } : b;
}

/** Changes awaiting onChanges; bounded by folding per object once `cap` are held. Exported for tests. */
export class ChangeQueue {
  #byKey = new Map<string, Pending[]>();
  #size = 0;
  #seq = 0;
  constructor(readonly cap = MAX_PENDING_CHANGES) {}

  get size(): number {
    return this.#size;
  }

  push(key: string, change: WatchChange): void {
    const list = this.#byKey.get(key);
    const item = { seq: this.#seq++, change };
    if (!list) {
      this.#byKey.set(key, [item]);
      this.#size++;
    } else if (this.#size < this.cap) {
      list.push(item);
      this.#size++;
    } else {
      const merged = fold(list[list.length - 1]!.change, change);
      if (merged) list[list.length - 1] = { seq: item.seq, change: merged };
      else {
        list.pop();
        this.#size--;
        if (list.length === 0) this.#byKey.delete(key);
      }
    }
  }

  drain(): WatchChange[] {
    const all: Pending[] = [];
    for (const list of this.#byKey.values()) for (const p of list) all.push(p);
    this.#byKey = new Map();
    this.#size = 0;
    return all.sort((x, y) => x.seq - y.seq).map((p) => p.change);
  }
}

/** Starts watching; the returned handle's `synced` settles once the baseline is read. */
export function watchCluster(kubeconfigYaml: string, opts: ClusterWatchOptions): ClusterWatch {
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 6));
  const limits: ListLimits = {
    pageSize: Math.max(1, Math.floor(opts.pageSize ?? 500)),
    maxPages: Math.max(1, Math.floor(opts.maxPagesPerList ?? MAX_PAGES_PER_LIST)),
  };
  const maxBytes = Math.max(1, Math.floor(opts.maxBytes ?? DEFAULT_SCAN_MAX_BYTES));
  const newBudget = () => new ByteBudget(maxBytes, opts.maxBytesSetting);
  const batchMs = Math.max(0, opts.batchMs ?? 250);
  const backoff = { base: Math.max(1, opts.backoffMs?.base ?? 800), cap: Math.max(1, opts.backoffMs?.cap ?? 30_000) };
  const controller = new AbortController();
  const signal = controller.signal;
  // One listener per open stream and per backoff sleep: about two per kind, by design.
  setMaxListeners(0, signal);

  let http: KubeHttp | undefined;
  let server = "";
  let version: VersionInfo = {};
  let servedVersions: readonly string[] = [];
  let kinds: KindState[] = [];
  let total = 0;
  let synced = false;
  let stopped = false;
  let state: WatchState = "starting";
  let stateDetail: string | undefined;
  const counters = { relists: 0, reconnects: 0, events: 0, bookmarks: 0 };
  const loops: Promise<void>[] = [];

  // --- minimisation, with what the change history needs taken first ---
  // Writers' stamps (a few short strings) stand in for managedFields, which minimisation drops.
  const stamps = new WeakMap<KubeObject, readonly string[]>();
  const secrets = new SecretDigests(randomBytes(32));
  const minimize: Minimizer = (item, apiVersion, kind) => {
    const written = writeStamps(item);
    const digests = kind === "Secret" ? secrets.digest(item) : undefined;
    const obj = minimizeObject(item, apiVersion, kind);
    if (written.length > 0) stamps.set(obj, written);
    secrets.set(obj, digests);
    return obj;
  };

  // --- snapshot ---
  let cached: Snapshot | undefined;
  let takenAt = new Date().toISOString();
  const touched = () => {
    cached = undefined;
    takenAt = new Date().toISOString();
  };

  // --- batching ---
  const queue = new ChangeQueue();
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let lastFlush = 0;
  const deliver = async (batch: WatchChange[]) => {
    try {
      await opts.onChanges(batch);
    } catch {
      // The consumer owns its errors; a throwing handler must not stop the watch.
    }
  };
  const flush = () => {
    if (flushing || queue.size === 0) return;
    lastFlush = Date.now();
    flushing = deliver(queue.drain()).finally(() => {
      flushing = undefined;
      scheduleFlush();
    });
  };
  function scheduleFlush(): void {
    if (flushTimer || flushing || queue.size === 0 || stopped) return;
    flushTimer = setTimeout(
      () => {
        flushTimer = undefined;
        flush();
      },
      Math.max(0, lastFlush + batchMs - Date.now()),
    );
  }

  const emit = (k: KindState, type: WatchChangeType, object: KubeObject, previous?: KubeObject, rv?: string) => {
    if (!synced) return;
    let fields: string[] = [];
    if (type === "modified") {
      fields = changedFields(previous!, object, { digests: [secrets.get(previous!), secrets.get(object)] });
      // Only resourceVersion or a heartbeat moved: not a change.
      if (fields.length === 0) return;
    }
    const after = stamps.get(object);
    const manager = type === "deleted" || !after ? undefined : writerOf(after, type === "modified" && previous ? (stamps.get(previous) ?? []) : undefined);
    const resourceVersion = rv ?? object.metadata.resourceVersion;
    const change: WatchChange = { type, object, at: new Date(), fields };
    if (previous) change.previous = previous;
    if (manager) change.manager = manager;
    if (resourceVersion) change.resourceVersion = resourceVersion;
    queue.push(`${k.plan.spec.kind}/${keyOf(object)}`, change);
    scheduleFlush();
  };

  // --- state ---
  const computeState = (): [WatchState, string | undefined] => {
    if (!synced) return [state === "error" ? "error" : "starting", stateDetail];
    const fatal = kinds.find((k) => k.fatal);
    if (fatal) return ["error", `${fatal.plan.spec.kind}: ${fatal.fatal}`];
    const active = kinds.filter((k) => k.plan.version !== undefined && k.plan.result.status !== "not-served" && !k.watchForbidden);
    if (active.length > 0 && active.every((k) => k.failures >= FAILING_AFTER)) {
      return ["error", `every watch is failing: ${active[0]!.lastError ?? "unknown error"}`];
    }
    const forbidden = kinds.filter((k) => k.watchForbidden).map((k) => k.plan.spec.kind);
    if (forbidden.length > 0) {
      const names = forbidden.slice(0, NAMED_KINDS).join(", ") + (forbidden.length > NAMED_KINDS ? ` and ${forbidden.length - NAMED_KINDS} more` : "");
      return ["fallback", `this credential may not watch ${names} (HTTP 403 on watch): changes to them are seen by scheduled scans only`];
    }
    return ["live", undefined];
  };
  const setState = (s: WatchState, detail: string | undefined) => {
    if (s === state && detail === stateDetail) return;
    state = s;
    stateDetail = detail;
    try {
      opts.onState?.(s, detail !== undefined ? { error: detail } : undefined);
    } catch {
      // a listener's error is its own
    }
  };
  const updateState = () => {
    if (stopped) return;
    const [s, d] = computeState();
    setState(s, d);
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
  const jitter = (attempt: number) => Math.random() * Math.min(backoff.cap, backoff.base * 2 ** Math.min(attempt, 30));

  // --- applying what the server sends ---
  const put = (k: KindState, obj: KubeObject, eventRv?: string) => {
    const key = keyOf(obj);
    const prev = k.objects.get(key);
    if (!prev) {
      if (total + 1 > MAX_OBJECTS) throw new ScanLimitError(`cluster holds more than ${MAX_OBJECTS} objects; stopped watching ${k.plan.spec.resource}`, "objects");
      if (++total % 1000 === 0) heapGuard(k.plan.spec.resource);
    }
    k.objects.set(key, obj);
    touched();
    if (prev) emit(k, "modified", obj, prev, eventRv);
    else emit(k, "added", obj, undefined, eventRv);
  };

  const remove = (k: KindState, key: string, last: KubeObject, rv?: string) => {
    const prev = k.objects.get(key);
    if (!prev) return;
    k.objects.delete(key);
    total--;
    touched();
    emit(k, "deleted", last, prev, rv);
  };

  /** Lists a kind again and turns every difference from the store into a change. */
  const relist = async (k: KindState) => {
    const plan: Plan = { spec: k.plan.spec, version: k.plan.version!, objects: [], result: { ...k.plan.result } };
    await listKind(http!, plan, limits, { objects: total - k.objects.size }, { minimize, bytes: newBudget() });
    const next = new Map<string, KubeObject>();
    for (const o of plan.objects) next.set(keyOf(o), o);
    const before = k.objects;
    const quiet = k.baseline;
    k.objects = next;
    total += next.size - before.size;
    if (plan.resourceVersion !== undefined) k.rv = plan.resourceVersion;
    else delete k.rv;
    k.plan.result = { resource: k.plan.result.resource, kind: k.plan.result.kind, status: "read", count: next.size };
    k.baseline = false;
    touched();
    if (quiet) return;
    for (const [key, o] of next) {
      const p = before.get(key);
      if (!p) emit(k, "added", o);
      else emit(k, "modified", o, p);
    }
    for (const [key, p] of before) if (!next.has(key)) emit(k, "deleted", p, p, plan.resourceVersion);
  };

  /** One watch request; true when the server said the resourceVersion expired (relist). */
  const watchOnce = async (k: KindState): Promise<{ expired: boolean; events: number }> => {
    const timeout = opts.watchTimeoutSeconds ?? 240 + Math.floor(Math.random() * 121);
    const query = `?watch=1&allowWatchBookmarks=true&timeoutSeconds=${timeout}${k.rv ? `&resourceVersion=${encodeURIComponent(k.rv)}` : ""}`;
    let expired = false;
    let events = 0;
    // The server ends the stream after timeoutSeconds; past that plus a minute it is hung.
    const maxMs = (timeout + 60) * 1000;
    await http!.stream(k.path + query, {
      maxMs,
      idleMs: maxMs,
      onOpen: () => {
        if (k.failures > 0 || k.fatal) {
          k.failures = 0;
          delete k.fatal;
          updateState();
        }
      },
      onLine: (line) => {
        let ev: unknown;
        try {
          ev = JSON.parse(line);
        } catch {
          throw Object.assign(new Error(`invalid JSON in a ${k.plan.spec.resource} watch event`), { code: "ECONNRESET" });
        }
        if (!isRecord(ev) || !isRecord(ev.object)) return;
        const obj = ev.object;
        const md = isRecord(obj.metadata) ? obj.metadata : undefined;
        const rv = typeof md?.resourceVersion === "string" ? md.resourceVersion : undefined;
        switch (ev.type) {
          case "BOOKMARK":
            counters.bookmarks++;
            if (rv) k.rv = rv;
            return;
          case "ERROR": {
            const code = typeof obj.code === "number" ? obj.code : 500;
            if (code === 410) {
              expired = true;
              return false;
            }
            throw new HttpStatusError(code, k.path, typeof obj.message === "string" ? obj.message.slice(0, 300) : `watch error ${code}`);
          }
          case "ADDED":
          case "MODIFIED":
          case "DELETED": {
            if (typeof md?.name !== "string") return;
            counters.events++;
            events++;
            const o = minimize(obj, k.apiVersion, k.plan.spec.kind);
            if (ev.type === "DELETED") remove(k, keyOf(o), o, rv);
            else put(k, o, rv);
            if (rv) k.rv = rv;
            return;
          }
          default:
            return;
        }
      },
    });
    return { expired, events };
  };

  const failed = (k: KindState, err: unknown, fatal?: string) => {
    k.failures++;
    k.lastError = err instanceof HttpStatusError ? err.message : describeError(err, server);
    if (fatal) k.fatal = fatal;
    updateState();
  };

  /** One kind's reflector loop: (re)list when needed, watch, resume, until stopped. */
  const runKind = async (k: KindState) => {
    let attempt = 0;
    while (!stopped) {
      if (k.needList) {
        try {
          await relist(k);
          k.needList = false;
          attempt = 0;
          if (k.failures > 0 || k.fatal) {
            k.failures = 0;
            delete k.fatal;
            updateState();
          }
        } catch (err) {
          if (stopped) return;
          let fatal: string | undefined;
          if (err instanceof HttpStatusError && err.status === 403) {
            // Hidden, not deleted: drop them quietly; they are a baseline again once visible.
            recordListError(k.plan, err, server);
            total -= k.objects.size;
            k.objects = new Map();
            k.baseline = true;
            touched();
          } else if (err instanceof HttpStatusError && err.status === 404) {
            // The kind is gone (a CRD uninstalled): so are its objects.
            for (const [key, o] of [...k.objects]) remove(k, key, o);
            recordListError(k.plan, err, server);
          } else if (err instanceof HttpStatusError && err.status === 401) {
            fatal = "credentials rejected (HTTP 401)";
          } else if (err instanceof ScanLimitError) {
            fatal = err.message;
          } else if (k.baseline) {
            recordListError(k.plan, err, server);
          }
          failed(k, err, fatal);
          await sleep(jitter(attempt++));
          continue;
        }
      }
      const started = Date.now();
      try {
        const { expired, events } = await watchOnce(k);
        if (expired) {
          counters.relists++;
          k.needList = true;
          continue;
        }
        if (events > 0 || Date.now() - started >= MIN_HEALTHY_STREAM_MS) {
          attempt = 0;
          continue;
        }
        await sleep(jitter(attempt++));
      } catch (err) {
        if (stopped) return;
        if (err instanceof HttpStatusError && err.status === 410) {
          counters.relists++;
          k.needList = true;
          continue;
        }
        if (err instanceof HttpStatusError && err.status === 403) {
          k.watchForbidden = err.reason;
          updateState();
          return;
        }
        if (err instanceof HttpStatusError && err.status === 404) k.needList = true;
        counters.reconnects++;
        const fatal =
          err instanceof HttpStatusError && err.status === 401 ? "credentials rejected (HTTP 401)" : err instanceof ScanLimitError ? err.message : undefined;
        failed(k, err, fatal);
        const retryAfter = err instanceof HttpStatusError ? err.retryAfterMs : undefined;
        await sleep(Math.max(retryAfter ?? 0, jitter(attempt++)));
      }
    }
  };

  // --- the baseline ---
  const start = async () => {
    const params = await prepare(kubeconfigYaml, opts);
    server = params.server.toString().replace(/\/$/, "");
    if (stopped) throw new AbortedError();
    http = new KubeHttp({
      params,
      concurrency,
      requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
      retries: opts.retries ?? 4,
      allowPrivateNetworks: opts.allowPrivateNetworks ?? false,
      signal,
      ...(opts.maxResponseBytes !== undefined ? { maxResponseBytes: opts.maxResponseBytes } : {}),
    });
    const d = await discover(http, server, concurrency);
    version = d.version;
    servedVersions = d.servedVersions;
    kinds = d.plans.map((plan) => {
      const v = plan.version ?? plan.spec.version;
      return {
        plan,
        apiVersion: groupVersion(plan.spec.group, v),
        path: `${groupVersionPath(plan.spec.group, v)}/${plan.spec.resource}`,
        objects: new Map(),
        needList: false,
        baseline: false,
        failures: 0,
      };
    });
    const bytes = newBudget();
    const budget = { objects: 0 };
    await pool(
      kinds.filter((k) => k.plan.version !== undefined),
      concurrency,
      async (k) => {
        try {
          if (signal.aborted) throw new AbortedError();
          await listKind(http!, k.plan, limits, budget, { minimize, bytes });
          for (const o of k.plan.objects) k.objects.set(keyOf(o), o);
          if (k.plan.resourceVersion !== undefined) k.rv = k.plan.resourceVersion;
          k.plan.objects = [];
        } catch (err) {
          if (err instanceof AbortedError || err instanceof ScanLimitError) {
            controller.abort(err);
            throw err;
          }
          recordListError(k.plan, err, server);
          // A kind that could not be listed for a passing reason is listed again in the background.
          if (k.plan.result.status === "failed") {
            k.needList = true;
            k.baseline = true;
            k.lastError = k.plan.result.error;
          }
        }
      },
    );
    for (const k of kinds) total += k.objects.size;
    const read = kinds.filter((k) => k.plan.result.status === "read");
    const failedKinds = kinds.filter((k) => k.needList);
    if (read.length === 0 && failedKinds.length > 0) {
      throw new ClusterUnreachableError(`no kind could be read: ${failedKinds[0]!.plan.spec.resource}: ${failedKinds[0]!.lastError ?? "failed"}`);
    }
    synced = true;
    touched();
    updateState();
    for (const k of [...read, ...failedKinds]) loops.push(runKind(k));
  };

  const syncedPromise = (async () => {
    try {
      await start();
    } catch (err) {
      const e = err instanceof AbortedError && signal.reason instanceof ScanLimitError ? signal.reason : err;
      if (!stopped) {
        setState("error", e instanceof Error ? e.message : String(e));
        void stop();
      }
      throw e;
    }
  })();
  // Callers that only use onState must not see an unhandled rejection.
  syncedPromise.catch(() => undefined);

  const onOuterAbort = () => void stop();
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (opts.signal?.aborted) queueMicrotask(onOuterAbort);

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopping ??= (async () => {
      stopped = true;
      opts.signal?.removeEventListener("abort", onOuterAbort);
      controller.abort(new AbortedError());
      clearTimeout(flushTimer);
      flushTimer = undefined;
      await syncedPromise.catch(() => undefined);
      await Promise.all(loops);
      http?.close();
      // What was received before stop still reaches the consumer, once.
      await flushing;
      const rest = queue.drain();
      if (rest.length > 0) await deliver(rest);
    })();
    return stopping;
  }
  const handle: ClusterWatch = {
    synced: syncedPromise,
    snapshot() {
      if (cached) return cached;
      const objects: KubeObject[] = [];
      for (const k of kinds) for (const o of k.objects.values()) objects.push(o);
      const nodes = [...(kinds.find((k) => k.plan.spec.kind === "Node")?.objects.values() ?? [])];
      const results: KindReadResult[] = kinds.map((k) => Object.freeze({ ...k.plan.result, count: k.objects.size }));
      cached = clusterSnapshot({ objects, kinds: results, kindsComplete: synced, version, nodes, servedVersions, takenAt });
      return cached;
    },
    stats() {
      return { objects: total, ...counters, state };
    },
    stop,
  };
  return handle;
}
