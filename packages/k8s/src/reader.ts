// Reads a cluster into a Snapshot: discovery, then every kind the rules need, paginated, with
// bounded concurrency, retries and an overall deadline. Per-kind failures are recorded, not thrown;
// only an unreachable API server (or rejected credentials) fails the whole read, and so does a
// server that sends more than the scan's byte budget (ScanLimitError), so that it cannot exhaust
// the memory of the process that reads it.
import { createHash } from "node:crypto";
import { getHeapStatistics } from "node:v8";
import type { KindReadResult, KubeObject, PlatformHint, Snapshot } from "@bulwark/rules";
import { KubeconfigError, checkServerHost, vetConnection, type ConnectionParams } from "@bulwark/security";
import { ClusterUnreachableError, ScanLimitError } from "./errors";
import {
  AbortedError,
  ByteBudget,
  DeadlineError,
  HttpStatusError,
  KubeHttp,
  ResponseTooLargeError,
  describeError,
  isConnectivityError,
} from "./http";
import { minimizeObject } from "./minimize";
import { detectPlatform, platformFromVersion } from "./platform";
import { RESOURCES_TO_READ, groupVersion, groupVersionPath, type ResourceSpec } from "./resources";

export interface ReadOptions {
  /** Overall budget for the whole read; default 120000. */
  deadlineMs?: number;
  pageSize?: number;
  concurrency?: number;
  requestTimeoutMs?: number;
  retries?: number;
  onProgress?: (p: { done: number; total: number; kind: string; objects: number }) => void;
  allowPrivateNetworks?: boolean;
  allowInsecureTls?: boolean;
  signal?: AbortSignal;
  /** Decoded bytes the whole read may take from the API server; default DEFAULT_SCAN_MAX_BYTES. */
  maxBytes?: number;
  /** The setting that raises maxBytes, named in the error (the worker's and CLI's env variable). */
  maxBytesSetting?: string;
  /** Cap on one decoded response; default MAX_RESPONSE_BYTES (32 MiB). */
  maxResponseBytes?: number;
  /** Pages one kind may take; default MAX_PAGES_PER_LIST. */
  maxPagesPerList?: number;
}

/**
 * Default byte budget of one scan. 100k objects as an API server sends them (with status and
 * managedFields) weigh about 262 MiB decoded (packages/k8s/README.md, "Byte budgets"); 512 MiB
 * leaves twice that, and what a scan keeps of it fits the worker's default 768 MiB heap.
 */
export const DEFAULT_SCAN_MAX_BYTES = 512 * 1024 * 1024;
/** 1M objects (MAX_OBJECTS) at 500 a page is 2,000 pages; more is a server that never ends a list. */
export const MAX_PAGES_PER_LIST = 10_000;
/** Pages in a row with no object but a new continue token: a list that makes no progress. */
export const MAX_EMPTY_PAGES = 20;
/**
 * Share of the heap limit past which a read stops: many medium objects under the byte budget can
 * still weigh more in memory than the process has, and a failed scan beats a dead process. The
 * limit V8 reports includes the young generation, so the old space fills up at about 85% of it.
 */
export const HEAP_GUARD = 0.75;

export function heapGuard(resource: string): void {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (used <= limit * HEAP_GUARD) return;
  const m = (n: number) => Math.round(n / 1024 / 1024);
  throw new ScanLimitError(
    `scan stopped: memory nearly full (${m(used)} of ${m(limit)} MiB heap) while reading ${resource}; the API server sent more than this process can hold (lower BULWARK_SCAN_MAX_BYTES or raise --max-old-space-size)`,
    "heap",
  );
}

export interface VersionInfo {
  major?: string;
  minor?: string;
  gitVersion?: string;
}

interface ListPage {
  items?: unknown;
  metadata?: { continue?: string; resourceVersion?: string };
}

/** Discovery documents come from an untrusted server: read them defensively. */
function record(x: unknown): Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}
function records(x: unknown): Record<string, unknown>[] {
  return Array.isArray(x) ? x.map(record) : [];
}
function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

function versionInfo(x: unknown): VersionInfo {
  const r = record(x);
  const out: VersionInfo = {};
  const major = str(r.major);
  const minor = str(r.minor);
  const gitVersion = str(r.gitVersion);
  if (major !== undefined) out.major = major;
  if (minor !== undefined) out.minor = minor;
  if (gitVersion !== undefined) out.gitVersion = gitVersion.slice(0, 200);
  return out;
}

function resourceNames(x: unknown): Set<string> {
  return new Set(records(record(x).resources).map((r) => str(r.name) ?? ""));
}

export function kubeVersionOf(v: VersionInfo): string | undefined {
  const major = (v.major ?? "").replace(/\D/g, "");
  const minor = (v.minor ?? "").replace(/\D/g, "");
  if (major && minor) return `${major}.${minor}`;
  const m = /^v?(\d+)\.(\d+)/.exec(v.gitVersion ?? "");
  return m ? `${m[1]}.${m[2]}` : undefined;
}

export async function prepare(kubeconfigYaml: string, opts: { allowPrivateNetworks?: boolean; allowInsecureTls?: boolean }): Promise<ConnectionParams> {
  const vetOpts = {
    ...(opts.allowPrivateNetworks !== undefined ? { allowPrivateNetworks: opts.allowPrivateNetworks } : {}),
    ...(opts.allowInsecureTls !== undefined ? { allowInsecureTls: opts.allowInsecureTls } : {}),
  };
  const params = vetConnection(kubeconfigYaml, vetOpts);
  // Names are resolved at connect time by the agent's guarded lookup (DNS rebinding); here we
  // refuse literals and local names up front with a kubeconfig error.
  await checkServerHost(params.server, `clusters[${params.clusterIndex}].cluster.server`, { ...vetOpts, resolveDns: false });
  return params;
}

export function unreachable(err: unknown, server: string): Error {
  if (err instanceof AbortedError || err instanceof KubeconfigError || err instanceof ClusterUnreachableError || err instanceof ScanLimitError) return err;
  if (err instanceof HttpStatusError) {
    if (err.status === 401) {
      return new ClusterUnreachableError(
        `credentials rejected by ${server} (HTTP 401): the token or client certificate is not valid for this cluster`,
        { cause: err },
      );
    }
    return new ClusterUnreachableError(`API server discovery failed: ${err.message}`, { cause: err });
  }
  if (err instanceof DeadlineError) return new ClusterUnreachableError(`API server discovery did not finish: ${err.message}`, { cause: err });
  return new ClusterUnreachableError(`cannot reach the API server at ${server}: ${describeError(err, server)}`, { cause: err });
}

/** Runs tasks with at most `limit` in flight; stops starting new ones once the signal aborts. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** A hostile or absurd API server must not exhaust the worker's memory. */
export const MAX_OBJECTS = 1_000_000;

export interface Budget {
  objects: number;
}

export interface Plan {
  spec: ResourceSpec;
  version?: string;
  result: KindReadResult;
  objects: KubeObject[];
  /** The list's resourceVersion (what a watch starts from). */
  resourceVersion?: string;
}

export interface ListLimits {
  pageSize: number;
  maxPages: number;
}

const tokenHash = (t: string) => createHash("sha256").update(t).digest("base64");

export type Minimizer = (item: Record<string, unknown>, apiVersion: string, kind: string) => KubeObject;

export async function listKind(
  http: KubeHttp,
  plan: Plan,
  limits: ListLimits,
  budget: Budget,
  extra: { minimize?: Minimizer; bytes?: ByteBudget } = {},
): Promise<void> {
  const minimize = extra.minimize ?? minimizeObject;
  const { spec } = plan;
  const version = plan.version!;
  const apiVersion = groupVersion(spec.group, version);
  const base = `${groupVersionPath(spec.group, version)}/${spec.resource}`;
  let restarted = false;
  let pageSize = limits.pageSize;
  for (;;) {
    const objects: KubeObject[] = [];
    let cont: string | undefined;
    let expired = false;
    let pages = 0;
    let emptyInARow = 0;
    let listRv: string | undefined;
    // Hashes, not tokens: a hostile server's tokens can be large.
    const seen = new Set<string>();
    for (;;) {
      if (++pages > limits.maxPages) {
        throw new Error(`list of ${spec.resource} stopped: more than ${limits.maxPages} pages (page limit)`);
      }
      const query = `?limit=${pageSize}${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`;
      let page: ListPage;
      try {
        page = await http.getJson<ListPage>(base + query, extra.bytes ? { budget: extra.bytes } : {});
      } catch (err) {
        // 410: the continue token outlived etcd compaction; a fresh list is consistent again.
        if (err instanceof HttpStatusError && err.status === 410 && cont && !restarted) {
          expired = true;
          break;
        }
        // Big objects: ask again for fewer per page (the token stays valid across page sizes).
        if (err instanceof ResponseTooLargeError && pageSize > 1) {
          pageSize = Math.max(1, Math.floor(pageSize / 4));
          pages--;
          continue;
        }
        if (err instanceof ResponseTooLargeError) {
          throw new ResponseTooLargeError(err.limit, `${base} (one object per page)`);
        }
        throw err;
      }
      if (!page || typeof page !== "object" || !Array.isArray(page.items)) {
        throw new Error(`unexpected answer from ${base}: not a list`);
      }
      // Every page of one list is served at the first page's resourceVersion.
      if (listRv === undefined && typeof page.metadata?.resourceVersion === "string") listRv = page.metadata.resourceVersion;
      budget.objects += page.items.length;
      if (budget.objects > MAX_OBJECTS) throw new Error(`cluster holds more than ${MAX_OBJECTS} objects; stopped reading ${spec.resource}`);
      heapGuard(spec.resource);
      for (const item of page.items as unknown[]) {
        if (item !== null && typeof item === "object" && !Array.isArray(item)) {
          objects.push(minimize(item as Record<string, unknown>, apiVersion, spec.kind));
        }
      }
      const next = typeof page.metadata?.continue === "string" && page.metadata.continue ? page.metadata.continue : undefined;
      if (next) {
        emptyInARow = page.items.length === 0 ? emptyInARow + 1 : 0;
        if (emptyInARow > MAX_EMPTY_PAGES) {
          throw new Error(`list of ${spec.resource} stopped: ${emptyInARow} pages in a row with no object and a new continue token (no progress)`);
        }
        const h = tokenHash(next);
        if (seen.has(h)) throw new Error(`server repeated a continue token for ${base} (the list loops)`);
        seen.add(h);
      }
      cont = next;
      if (!cont) break;
    }
    if (expired) {
      budget.objects -= objects.length;
      restarted = true;
      continue;
    }
    plan.objects = objects;
    if (listRv !== undefined) plan.resourceVersion = listRv;
    else delete plan.resourceVersion;
    return;
  }
}

/** Discovery: the server's version, the group/versions it serves, and a plan per kind to read. */
export async function discover(
  http: KubeHttp,
  server: string,
  concurrency: number,
): Promise<{ version: VersionInfo; servedVersions: readonly string[]; plans: Plan[] }> {
  // --- discovery ---
  let version: VersionInfo = {};
  try {
    version = versionInfo(await http.getJson("/version"));
  } catch (err) {
    // Some clusters hide /version from some identities; a 403/404 there is not fatal.
    if (!(err instanceof HttpStatusError && (err.status === 403 || err.status === 404))) throw unreachable(err, server);
  }
  let core: unknown;
  let groups: unknown;
  try {
    [core, groups] = await Promise.all([http.getJson("/api/v1"), http.getJson("/apis")]);
  } catch (err) {
    throw unreachable(err, server);
  }
  const served = new Set<string>(["v1"]);
  for (const g of records(record(groups).groups)) {
    for (const v of records(g.versions)) {
      const gv = str(v.groupVersion);
      if (gv && /^[a-z0-9.-]+\/[a-z0-9]+$/.test(gv)) served.add(gv);
    }
  }
  const servedVersions = Object.freeze([...served].sort());

  const resourcesByGv = new Map<string, Set<string> | "unknown">();
  resourcesByGv.set("v1", resourceNames(core));
  const neededGvs = new Set<string>();
  for (const spec of RESOURCES_TO_READ) {
    for (const v of [spec.version, ...(spec.fallbackVersions ?? [])]) {
      const gv = groupVersion(spec.group, v);
      if (served.has(gv) && !resourcesByGv.has(gv)) neededGvs.add(gv);
    }
  }
  await pool([...neededGvs], concurrency, async (gv) => {
    try {
      resourcesByGv.set(gv, resourceNames(await http.getJson(`/apis/${gv}`)));
    } catch (err) {
      if (err instanceof AbortedError || err instanceof ScanLimitError) throw err;
      if (err instanceof HttpStatusError && err.status === 401) throw unreachable(err, server);
      // The group is advertised; let the list request itself tell what is wrong.
      resourcesByGv.set(gv, "unknown");
    }
  });

  // --- plan ---
  const plans: Plan[] = RESOURCES_TO_READ.map((spec) => {
    for (const v of [spec.version, ...(spec.fallbackVersions ?? [])]) {
      const gv = groupVersion(spec.group, v);
      const res = resourcesByGv.get(gv);
      if (served.has(gv) && res && (res === "unknown" || res.has(spec.resource))) {
        return { spec, version: v, objects: [], result: { resource: `${gv}/${spec.resource}`, kind: spec.kind, status: "read", count: 0 } };
      }
    }
    const gv = groupVersion(spec.group, spec.version);
    return { spec, objects: [], result: { resource: `${gv}/${spec.resource}`, kind: spec.kind, status: "not-served", count: 0 } };
  });
  return { version, servedVersions, plans };
}

/** Records why one kind could not be listed, as readCluster reports it. */
export function recordListError(plan: Plan, err: unknown, server: string): void {
  plan.objects = [];
  if (err instanceof HttpStatusError && err.status === 403) {
    plan.result.status = "forbidden";
    plan.result.error = err.reason;
  } else if (err instanceof HttpStatusError && err.status === 404) {
    plan.result.status = "not-served";
  } else if (err instanceof HttpStatusError && err.status === 401) {
    plan.result.status = "failed";
    plan.result.error = "credentials rejected (HTTP 401)";
  } else {
    plan.result.status = "failed";
    plan.result.error =
      err instanceof HttpStatusError || err instanceof DeadlineError || err instanceof ResponseTooLargeError ? err.message : describeError(err, server);
    if (isConnectivityError(err)) plan.result.error = `connection lost: ${plan.result.error}`;
  }
}

/** The frozen snapshot of what was read (a full read, or a watcher's current state). */
export function clusterSnapshot(input: {
  objects: KubeObject[];
  kinds: KindReadResult[];
  kindsComplete: boolean;
  version: VersionInfo;
  nodes: readonly KubeObject[];
  servedVersions: readonly string[];
  takenAt: string;
}): Snapshot {
  const snapshot: Snapshot = {
    source: "cluster",
    objects: Object.freeze(input.objects),
    kinds: Object.freeze(input.kinds),
    kindsComplete: input.kindsComplete,
    platform: detectPlatform(input.version.gitVersion, input.nodes, input.servedVersions),
    takenAt: input.takenAt,
    servedVersions: input.servedVersions,
  };
  const kv = kubeVersionOf(input.version);
  if (kv) snapshot.kubeVersion = kv;
  if (input.version.gitVersion) snapshot.gitVersion = input.version.gitVersion;
  return Object.freeze(snapshot);
}

/** Reads every kind in RESOURCES_TO_READ into an immutable snapshot. */
export async function readCluster(kubeconfigYaml: string, opts: ReadOptions = {}): Promise<Snapshot> {
  const deadlineMs = opts.deadlineMs ?? 120_000;
  const pageSize = Math.max(1, Math.floor(opts.pageSize ?? 500));
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 6));
  const limits: ListLimits = { pageSize, maxPages: Math.max(1, Math.floor(opts.maxPagesPerList ?? MAX_PAGES_PER_LIST)) };
  const bytes = new ByteBudget(Math.max(1, Math.floor(opts.maxBytes ?? DEFAULT_SCAN_MAX_BYTES)), opts.maxBytesSetting);
  const params = await prepare(kubeconfigYaml, opts);
  const server = params.server.toString().replace(/\/$/, "");
  if (opts.signal?.aborted) throw new AbortedError();

  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new DeadlineError(deadlineMs)), deadlineMs);
  const onOuterAbort = () => controller.abort(new AbortedError());
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const http = new KubeHttp({
    params,
    concurrency,
    requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
    retries: opts.retries ?? 4,
    allowPrivateNetworks: opts.allowPrivateNetworks ?? false,
    signal: controller.signal,
    budget: bytes,
    ...(opts.maxResponseBytes !== undefined ? { maxResponseBytes: opts.maxResponseBytes } : {}),
  });
  const takenAt = new Date().toISOString();
  try {
    const { version, servedVersions, plans } = await discover(http, server, concurrency);

    // --- list ---
    const toRead = plans.filter((p) => p.version !== undefined);
    let done = plans.length - toRead.length;
    let objectCount = 0;
    const budget: Budget = { objects: 0 };
    await pool(toRead, concurrency, async (plan) => {
      try {
        if (controller.signal.aborted) throw controller.signal.reason;
        await listKind(http, plan, limits, budget);
        plan.result.count = plan.objects.length;
        objectCount += plan.objects.length;
      } catch (err) {
        if (err instanceof AbortedError) throw err;
        if (err instanceof ScanLimitError) {
          // Stop every other kind's requests now: the budget is the scan's, not this kind's.
          controller.abort(err);
          throw err;
        }
        recordListError(plan, err, server);
      }
      done++;
      try {
        opts.onProgress?.({ done, total: plans.length, kind: plan.spec.kind, objects: objectCount });
      } catch {
        // progress reporting is best effort and must not fail a read
      }
    });

    const objects: KubeObject[] = [];
    for (const p of plans) for (const o of p.objects) objects.push(o);
    const nodes = plans.find((p) => p.spec.kind === "Node")?.objects ?? [];
    return clusterSnapshot({ objects, kinds: plans.map((p) => Object.freeze(p.result)), kindsComplete: true, version, nodes, servedVersions, takenAt });
  } finally {
    clearTimeout(deadline);
    opts.signal?.removeEventListener("abort", onOuterAbort);
    http.close();
  }
}

export type TestConnectionResult =
  | { ok: true; gitVersion: string; kubeVersion: string; platform: PlatformHint }
  | { ok: false; reason: string };

/** One authenticated /version call: proves reachability, TLS trust and credentials. */
export async function testConnection(
  kubeconfigYaml: string,
  opts: { timeoutMs?: number; allowPrivateNetworks?: boolean; allowInsecureTls?: boolean } = {},
): Promise<TestConnectionResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let http: KubeHttp | undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineError(timeoutMs)), timeoutMs);
  try {
    const params = await prepare(kubeconfigYaml, opts);
    const server = params.server.toString().replace(/\/$/, "");
    http = new KubeHttp({
      params,
      concurrency: 1,
      requestTimeoutMs: timeoutMs,
      retries: 1,
      allowPrivateNetworks: opts.allowPrivateNetworks ?? false,
      signal: controller.signal,
    });
    let v: VersionInfo;
    try {
      v = versionInfo(await http.getJson("/version"));
      // /version may be open to anyone; listing namespaces proves the credentials work.
      await http.getJson("/api/v1/namespaces?limit=1");
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 403) {
        return { ok: false, reason: `connected, but the credentials may not list namespaces: ${err.reason}` };
      }
      throw unreachable(err, server);
    }
    return {
      ok: true,
      gitVersion: v.gitVersion ?? "unknown",
      kubeVersion: kubeVersionOf(v) ?? "unknown",
      platform: platformFromVersion(v.gitVersion) ?? "unknown",
    };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
    http?.close();
  }
}
