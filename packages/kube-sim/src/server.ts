// The simulated kube-apiserver: HTTPS, discovery, CRUD + list/watch with the apiserver's paging,
// selectors, Status errors, token/client-certificate authentication, allow-list authorization,
// self-subject reviews, Table output for kubectl, and injectable faults.
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { randomBytes } from "node:crypto";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { clientTls, ensureKeys, serverTls } from "./certs";
import { defaultIdentities, isAllowed, resolveIdentities, rulesFor, type ResolvedIdentity } from "./auth";
import { ALL_VERBS, ResourceRegistry, splitApiVersion, type ResourceDef } from "./resources";
import { combine, fieldMatcher, labelMatcher, SelectorError } from "./selectors";
import { deepEqual, managerOf, nextManagedFields } from "./managed-fields";
import { collKey, entryJson, eventLine, ObjectStore, type Entry, type WatchEvent } from "./store";
import { renderTable } from "./table";
import { admit as admitPolicies, denialMessage, validateBinding, validatePolicyExpressions, type AdmissionOutcome } from "./admission";
import type { FaultSpec, KubeObject, KubeSim, KubeSimOptions, SimPlatform } from "./types";

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function statusBody(code: number, reason: string, message: string, details?: Record<string, unknown>): string {
  const body: Record<string, unknown> = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) body.details = details;
  return JSON.stringify(body);
}

const PLATFORM_SUFFIX: Record<SimPlatform, string> = {
  eks: "-eks-4f4795d",
  gke: "-gke.1086000",
  aks: "",
  openshift: "+4b2a1c9",
  k3s: "+k3s1",
  kind: "",
};

const PLATFORM_NODE_LABELS: Record<SimPlatform, Record<string, string>> = {
  eks: { "eks.amazonaws.com/nodegroup": "default", "eks.amazonaws.com/capacityType": "ON_DEMAND" },
  gke: { "cloud.google.com/gke-nodepool": "default-pool", "cloud.google.com/gke-os-distribution": "cos" },
  aks: { "kubernetes.azure.com/cluster": "MC_rg_aks_westeurope", "kubernetes.azure.com/agentpool": "nodepool1" },
  openshift: { "node.openshift.io/os_id": "rhcos" },
  k3s: { "node.kubernetes.io/instance-type": "k3s" },
  kind: { "ingress-ready": "true" },
};

const PLATFORM_PROVIDER: Partial<Record<SimPlatform, (name: string) => string>> = {
  eks: (n) => `aws:///eu-west-1a/i-0${n.replace(/[^a-f0-9]/g, "").padEnd(16, "0").slice(0, 16)}`,
  gke: (n) => `gce://sim-project/europe-west1-b/${n}`,
  aks: (n) => `azure:///subscriptions/0000/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/${n}`,
  k3s: (n) => `k3s://${n}`,
  kind: (n) => `kind://docker/kind/${n}`,
};

const OPENSHIFT_RESOURCES: Array<[group: string, plural: string, kind: string, namespaced: boolean]> = [
  ["config.openshift.io", "clusterversions", "ClusterVersion", false],
  ["route.openshift.io", "routes", "Route", true],
  ["security.openshift.io", "securitycontextconstraints", "SecurityContextConstraints", false],
  ["project.openshift.io", "projects", "Project", false],
];

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv, start: lastKey })).toString("base64url");
}

function decodeContinue(token: string, oldestUsable: number): ContinueToken {
  const expired = new HttpError(
    410,
    "Expired",
    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.",
  );
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<ContinueToken>;
    if (parsed.v !== "meta.k8s.io/v1" || typeof parsed.rv !== "number" || typeof parsed.start !== "string") throw expired;
    if (parsed.rv < oldestUsable) throw expired;
    return parsed as ContinueToken;
  } catch {
    throw expired;
  }
}

/** An object as far as a write can change it (server-owned metadata aside). */
function comparable(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, managedFields: _mf, uid: _uid, creationTimestamp: _ct, generation: _gen, ...md } = obj.metadata;
  return { ...obj, metadata: md };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > 16 * 1024 * 1024) {
        reject(new HttpError(413, "RequestEntityTooLarge", "request entity too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseApplyBody(text: string): KubeObject {
  let v: unknown;
  try {
    v = parseYaml(text);
  } catch (e) {
    throw new HttpError(400, "BadRequest", `error decoding YAML: ${(e as Error).message}`);
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new HttpError(400, "BadRequest", "apply patch body must be an object");
  return v as KubeObject;
}

/**
 * Request bodies kube-sim decodes: JSON (and YAML for apply patches). A protobuf or CBOR body gets
 * 415 UnsupportedMediaType, as an API server answers an encoding it does not serve. Real API
 * servers do decode protobuf for built-in kinds; kube-sim does not, so the typed
 * `kubectl create <kind> NAME` generators fail against it: use `kubectl create -f` or apply.
 */
function assertJsonBody(req: IncomingMessage): void {
  const ctype = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (ctype === "application/vnd.kubernetes.protobuf" || ctype === "application/cbor" || ctype === "application/vnd.kubernetes.protobuf;stream=watch") {
    throw new HttpError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  }
}

function parseJsonBody(text: string): KubeObject {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, "BadRequest", `the body of the request was in an unknown format - accepted media types include: application/json: ${(e as Error).message}`);
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new HttpError(400, "BadRequest", "request body must be a JSON object");
  return v as KubeObject;
}

/** RFC 7386 JSON merge patch (lists are replaced). */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// Merge keys of the built-in lists that strategic merge patches merge item by item.
const MERGE_KEYS = ["name", "containerPort", "mountPath", "devicePath", "ip", "port", "topologyKey"];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/**
 * Strategic merge patch, approximated without schemas: lists of objects that carry a known merge
 * key are merged item by item (`$patch: delete` removes one); other lists are replaced; patch
 * directives ($setElementOrder, $retainKeys, ...) are dropped. Good enough for kubectl apply/edit.
 */
function strategicMerge(target: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    if (!Array.isArray(target)) return patch.filter((p) => !(isPlainObject(p) && p.$patch === "delete"));
    const key = MERGE_KEYS.find((k) => patch.length > 0 && patch.every((p) => isPlainObject(p) && p[k] !== undefined));
    if (!key || !target.every((t) => isPlainObject(t))) return patch;
    const out = [...(target as Array<Record<string, unknown>>)];
    for (const p of patch as Array<Record<string, unknown>>) {
      const i = out.findIndex((t) => t[key] === p[key]);
      if (p.$patch === "delete") {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = strategicMerge(out[i], p) as Record<string, unknown>;
      else out.push(strategicMerge(undefined, p) as Record<string, unknown>);
    }
    return out;
  }
  if (!isPlainObject(patch)) return patch;
  if (patch.$patch === "replace") {
    const { $patch: _drop, ...rest } = patch;
    return rest;
  }
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$")) continue;
    if (v === null) delete out[k];
    else out[k] = strategicMerge(out[k], v);
  }
  return out;
}

interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** the deprecated /api/v1/watch/... form */
  watchPath?: boolean;
}

interface ActiveFault {
  spec: FaultSpec;
  re?: RegExp;
  left: number;
}

/** Faults a watch carries from its start (see FaultSpec). */
interface WatchFaults {
  eventLatencyMs: number;
  expired: boolean;
  drops: ActiveFault[];
}

/** Go's strconv.ParseBool, which the apiserver's query decoding uses. */
function boolParam(v: string | null): boolean | undefined {
  if (v === null) return undefined;
  if (["1", "t", "T", "true", "TRUE", "True"].includes(v)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(v)) return false;
  throw new HttpError(400, "BadRequest", `strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

const OPTIONS_KIND: Record<string, string> = { create: "CreateOptions", update: "UpdateOptions", patch: "PatchOptions", delete: "DeleteOptions" };

/**
 * The dryRun option of a write, validated like the apiserver's ValidateDryRun: only "All" is
 * supported; anything else fails the request's options (422 Invalid, nothing is written).
 */
function dryRunOf(values: string[], verb: string): boolean {
  if (values.length === 0) return false;
  const bad = values.filter((v) => v !== "All");
  if (bad.length) {
    const kind = OPTIONS_KIND[verb] ?? "CreateOptions";
    const msg = `Unsupported value: []string{${values.map((v) => JSON.stringify(v)).join(", ")}}: supported values: "All"`;
    throw new HttpError(422, "Invalid", `${kind}.meta.k8s.io "" is invalid: dryRun: ${msg}`, { kind, group: "meta.k8s.io", causes: [{ reason: "FieldValueNotSupported", message: msg, field: "dryRun" }] });
  }
  return true;
}

function invalidListOptions(errors: string[]): HttpError {
  const msg = errors.length === 1 ? errors[0]! : `[${errors.join(", ")}]`;
  return new HttpError(422, "Invalid", `ListOptions.meta.k8s.io "" is invalid: ${msg}`, { kind: "ListOptions", group: "meta.k8s.io", causes: errors.map((e) => ({ reason: "FieldValueForbidden", message: e })) });
}

function tooLarge(rv: number, current: number): HttpError {
  return new HttpError(504, "Timeout", `Too large resource version: ${rv}, current: ${current}`, { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 });
}

// How long the apiserver waits for its cache to reach a requested resourceVersion before
// answering "Too large resource version".
const FRESHNESS_WAIT_MS = 3000;

export async function startKubeSim(opts: KubeSimOptions = {}): Promise<KubeSim> {
  const version = opts.version ?? "1.29";
  const vm = /^v?(\d+)\.(\d+)/.exec(version);
  if (!vm) throw new Error(`kube-sim: version must look like "1.29", got ${JSON.stringify(version)}`);
  const major = vm[1]!;
  const minor = vm[2]!;
  const gitVersion = `v${major}.${minor}.0${opts.platform ? PLATFORM_SUFFIX[opts.platform] : ""}`;
  const host = opts.host ?? "127.0.0.1";
  const clusterName = opts.clusterName ?? "kube-sim";
  const registry = new ResourceRegistry(version);
  const store = new ObjectStore(opts.seed ?? 1, opts.eventLogSize);
  const bookmarkIntervalMs = opts.bookmarkIntervalMs ?? 60_000;
  const minRequestTimeout = opts.minRequestTimeoutSeconds ?? 1800;
  const watchFaults = new WeakMap<IncomingMessage, WatchFaults>();
  if (opts.platform === "openshift") {
    // Platform detection on OpenShift keys off its API groups, so serve the well-known ones.
    for (const [group, plural, kind, namespaced] of OPENSHIFT_RESOURCES)
      registry.add({ group, version: "v1", plural, singular: kind.toLowerCase(), kind, namespaced, verbs: ALL_VERBS });
  }
  const identities = resolveIdentities(opts.identities ?? defaultIdentities());
  const byToken = new Map<string, ResolvedIdentity>();
  const byCn = new Map<string, ResolvedIdentity>();
  for (const id of identities) {
    if (id.token) byToken.set(id.token, id);
    if (id.clientCert) byCn.set(id.name, id);
  }
  await ensureKeys();
  const tls = serverTls(host, opts.tls?.certificate ?? "valid");
  let faults: ActiveFault[] = [];
  let requests = 0;
  const openWatches = new Set<ServerResponse>();

  // ---- object loading and the programmatic store -------------------------------------------
  function defFor(obj: KubeObject): ResourceDef | undefined {
    if (!obj || typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") return undefined;
    return registry.forObject(obj);
  }

  function applyObject(obj: KubeObject, quiet = false, manager?: string): KubeObject | undefined {
    if (!obj?.metadata?.name) throw new Error(`kube-sim: object ${obj?.apiVersion}/${obj?.kind} has no metadata.name`);
    if (obj.apiVersion === "apiextensions.k8s.io/v1" && obj.kind === "CustomResourceDefinition") registry.addCrd(obj);
    let def = defFor(obj);
    if (!def) {
      // Kinds that this version no longer serves (PSP after 1.24) are dropped like a cluster would.
      if (obj.kind === "PodSecurityPolicy") return undefined;
      def = registry.addGuess(obj);
    }
    if (obj.kind === "Node" && opts.platform) {
      const labels = { ...(obj.metadata.labels ?? {}), ...PLATFORM_NODE_LABELS[opts.platform] };
      const spec = { ...((obj.spec as Record<string, unknown> | undefined) ?? {}) };
      const provider = PLATFORM_PROVIDER[opts.platform];
      if (provider && !spec.providerID) spec.providerID = provider(obj.metadata.name);
      obj = { ...obj, metadata: { ...obj.metadata, labels }, spec };
    }
    if (manager !== undefined) {
      const prev = store.get(collKey(def), def.namespaced ? (obj.metadata.namespace ?? "default") : undefined, String(obj.metadata.name));
      const managedFields = nextManagedFields(prev?.obj, obj, { manager, operation: "Update", apiVersion: obj.apiVersion });
      obj = { ...obj, metadata: { ...obj.metadata, managedFields } };
    }
    return store.put(def, obj, { quiet }).obj;
  }

  const initial = opts.objects ?? [];
  // CRDs first so their custom resources resolve to the declared plural and scope.
  for (const o of initial) if (o?.kind === "CustomResourceDefinition") applyObject(o, true);
  for (const o of initial) if (o?.kind !== "CustomResourceDefinition") applyObject(o, true);
  store.markLoaded();

  // ---- request helpers -----------------------------------------------------------------------
  function authenticate(req: IncomingMessage): ResolvedIdentity | undefined {
    const auth = req.headers.authorization;
    if (auth) {
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      return m ? byToken.get(m[1]!.trim()) : undefined;
    }
    const sock = req.socket as TLSSocket;
    if (sock.authorized) {
      const cn = sock.getPeerCertificate()?.subject?.CN;
      if (typeof cn === "string") return byCn.get(cn);
    }
    return undefined;
  }

  function forbidden(id: ResolvedIdentity, verb: string, def: ResourceDef, namespace?: string, name?: string): HttpError {
    const res = def.plural;
    const scope = namespace ? `in the namespace "${namespace}"` : "at the cluster scope";
    const subject = name ? `${res} "${name}"` : res;
    const details: Record<string, unknown> = { group: def.group, kind: res };
    if (name) details.name = name;
    return new HttpError(403, "Forbidden", `${subject} is forbidden: User "${id.username}" cannot ${verb} resource "${res}" in API group "${def.group}" ${scope}`, details);
  }

  function notFound(def: ResourceDef, name: string): HttpError {
    return new HttpError(404, "NotFound", `${def.plural}${def.group ? "." + def.group : ""} "${name}" not found`, { name, group: def.group, kind: def.plural });
  }

  function route(parts: string[]): Route | undefined {
    let group: string;
    let ver: string;
    let rest: string[];
    if (parts[0] === "api" && parts.length >= 3) {
      group = "";
      ver = parts[1]!;
      rest = parts.slice(2);
    } else if (parts[0] === "apis" && parts.length >= 4) {
      group = parts[1]!;
      ver = parts[2]!;
      rest = parts.slice(3);
    } else return undefined;
    const watchPath = rest[0] === "watch" && rest.length >= 2;
    if (watchPath) rest = rest.slice(1);
    let namespace: string | undefined;
    if (rest[0] === "namespaces" && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const def = registry.lookup(group, ver, rest[0]!);
    if (!def || rest.length > 3) return undefined;
    if (namespace !== undefined && !def.namespaced) return undefined;
    if (watchPath && rest.length > 2) return undefined;
    return { def, namespace, name: rest[1], subresource: rest[2], watchPath };
  }

  function discoveryResources(group: string, ver: string): string {
    const defs = registry.inVersion(group, ver);
    return JSON.stringify({
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion: group ? `${group}/${ver}` : ver,
      resources: defs.map((d) => {
        const r: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
        if (d.shortNames?.length) r.shortNames = d.shortNames;
        if (d.categories?.length) r.categories = d.categories;
        return r;
      }),
    });
  }

  function apiGroup(group: string, versions: string[]): Record<string, unknown> {
    const list = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
    return { name: group, versions: list, preferredVersion: list[0] };
  }

  /** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api or /apis (what kubectl >= 1.30 asks for first). */
  function aggregatedDiscovery(core: boolean, apiVersion: string): string {
    const items = [...registry.groups().entries()]
      .filter(([g]) => (core ? g === "" : g !== ""))
      .map(([group, versions]) => ({
        metadata: core ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
        versions: versions.map((version) => ({
          version,
          freshness: "Current",
          resources: registry.inVersion(group, version).map((d) => {
            const r: Record<string, unknown> = {
              resource: d.plural,
              responseKind: { group, version, kind: d.kind },
              scope: d.namespaced ? "Namespaced" : "Cluster",
              singularResource: d.singular,
              verbs: d.verbs,
            };
            if (d.shortNames?.length) r.shortNames = d.shortNames;
            if (d.categories?.length) r.categories = d.categories;
            return r;
          }),
        })),
      }));
    return JSON.stringify({ kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items });
  }

  /** The aggregated discovery version to answer with, as the simulated release would (beta 1.27, GA 1.30). */
  function aggregatedVersion(req: IncomingMessage): "v2" | "v2beta1" | undefined {
    const accept = String(req.headers.accept ?? "");
    const offered = (v: string) => new RegExp(`g=apidiscovery\\.k8s\\.io;\\s*v=${v};\\s*as=APIGroupDiscoveryList`).test(accept);
    if (registry.minor >= 30 && offered("v2")) return "v2";
    if (registry.minor >= 27 && offered("v2beta1")) return "v2beta1";
    return undefined;
  }

  /**
   * A minimal OpenAPI v3: per group-version, each resource's PATCH operation with its GVK and the
   * fieldValidation parameter. That is what kubectl checks before create/apply to choose
   * server-side field validation; schemas are open objects (no client-side validation data).
   */
  function openapiRoot(): string {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const [group, versions] of registry.groups()) {
      for (const v of versions) {
        const key = group ? `apis/${group}/${v}` : `api/${v}`;
        paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${registry.minor}${registry.all().length}` };
      }
    }
    return JSON.stringify({ paths });
  }

  function openapiGroupVersion(group: string, version: string): string | undefined {
    const defs = registry.inVersion(group, version);
    if (defs.length === 0) return undefined;
    const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const paths: Record<string, unknown> = {};
    const schemas: Record<string, unknown> = {};
    for (const d of defs) {
      const gvk = { group, version, kind: d.kind };
      const base = d.namespaced ? `${prefix}/namespaces/{namespace}/${d.plural}` : `${prefix}/${d.plural}`;
      const op = (action: string) => ({
        operationId: `${action}${d.kind}`,
        "x-kubernetes-action": action,
        "x-kubernetes-group-version-kind": gvk,
        parameters: [
          { name: "dryRun", in: "query", schema: { type: "string", uniqueItems: true } },
          { name: "fieldManager", in: "query", schema: { type: "string", uniqueItems: true } },
          { name: "fieldValidation", in: "query", schema: { type: "string", uniqueItems: true } },
        ],
        responses: { "200": { description: "OK" } },
      });
      paths[`${base}/{name}`] = { get: op("get"), put: op("put"), patch: op("patch"), delete: op("delete") };
      paths[base] = { get: op("list"), post: op("post") };
      const schemaName = `${group ? group.split(".").reverse().join(".") : "io.k8s.api.core"}.${version}.${d.kind}`;
      schemas[schemaName] = {
        type: "object",
        properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: { type: "object" } },
        "x-kubernetes-group-version-kind": [gvk],
        "x-kubernetes-preserve-unknown-fields": true,
      };
    }
    return JSON.stringify({ openapi: "3.0.0", info: { title: "Kubernetes", version: gitVersion }, paths, components: { schemas } });
  }

  function objectMatcher(q: URLSearchParams) {
    try {
      return combine(labelMatcher(q.get("labelSelector")), fieldMatcher(q.get("fieldSelector")));
    } catch (e) {
      if (e instanceof SelectorError) throw new HttpError(400, "BadRequest", e.message);
      throw e;
    }
  }

  function wantsTable(req: IncomingMessage): boolean {
    return /as=Table/.test(String(req.headers.accept ?? ""));
  }

  function listKind(def: ResourceDef): string {
    return `${def.kind}List`;
  }

  /** Waits (as the apiserver does for its cache) until the store has reached rv; false after the wait. */
  async function waitFresh(rv: number): Promise<boolean> {
    const deadline = Date.now() + FRESHNESS_WAIT_MS;
    while (store.resourceVersion() < rv) {
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
    return true;
  }

  function parseRv(raw: string): number {
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new HttpError(400, "BadRequest", `invalid resource version: ${JSON.stringify(raw)}`);
    return n;
  }

  async function handleList(req: IncomingMessage, q: URLSearchParams, r: Route): Promise<string> {
    const match = objectMatcher(q);
    const limit = Number(q.get("limit") ?? "0") || 0;
    const cont = q.get("continue");
    const rvParam = q.get("resourceVersion") ?? "";
    const rvMatch = q.get("resourceVersionMatch") ?? "";
    const errors: string[] = [];
    if (rvMatch) {
      if (!rvParam) errors.push("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided");
      if (cont) errors.push("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided");
      if (rvMatch !== "Exact" && rvMatch !== "NotOlderThan") errors.push(`resourceVersionMatch: Unsupported value: ${JSON.stringify(rvMatch)}: supported values: "Exact", "NotOlderThan", ""`);
      if (rvMatch === "Exact" && rvParam === "0") errors.push('resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    }
    if (q.get("sendInitialEvents") !== null) errors.push("sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list");
    if (errors.length) throw invalidListOptions(errors);
    const ck = collKey(r.def);
    let after: string | undefined;
    let rv = store.resourceVersion();
    if (cont) {
      const tok = decodeContinue(cont, store.oldestUsable());
      after = tok.start;
      rv = tok.rv;
    } else if (rvParam && rvParam !== "0") {
      // "0" is any state; another rv is "not older than" it (or exactly it with Exact).
      const want = parseRv(rvParam);
      if (want > store.resourceVersion() && !(await waitFresh(want))) throw tooLarge(want, store.resourceVersion());
      if (rvMatch === "Exact" && want !== store.resourceVersion()) {
        // The store keeps no history: the current state is the state at `want` only when this
        // collection has not changed since; otherwise answer as if etcd had compacted it.
        const changes = store.since(ck, want);
        if (!changes || changes.length > 0) throw new HttpError(410, "Expired", `The resourceVersion for the provided list is too old.`);
        rv = want;
      }
    }
    const page = store.page(ck, { namespace: r.namespace, after, limit, match });
    const next = page.next !== undefined ? encodeContinue(rv, page.next) : undefined;
    if (wantsTable(req)) {
      return renderTable(page.entries.map((e) => e.obj), r.def.kind, { resourceVersion: String(rv), continue: next, remainingItemCount: page.remaining }, q.get("includeObject") ?? "Metadata");
    }
    const meta: Record<string, unknown> = { resourceVersion: String(rv) };
    if (next) meta.continue = next;
    if (next && page.remaining !== undefined) meta.remainingItemCount = page.remaining;
    const apiVersion = r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version;
    let body = `{"kind":${JSON.stringify(listKind(r.def))},"apiVersion":${JSON.stringify(apiVersion)},"metadata":${JSON.stringify(meta)},"items":[`;
    const parts: string[] = new Array(page.entries.length);
    for (let i = 0; i < page.entries.length; i++) parts[i] = entryJson(page.entries[i]!);
    body += parts.join(",") + "]}";
    return body;
  }

  /**
   * A watch as the apiserver's cacher serves it: synthetic ADDED events for rv "" / "0" (or with
   * sendInitialEvents=true, closed by the initial-events-end bookmark), replay from a retained rv,
   * 410 Expired for an older one, periodic bookmarks when asked for, a bookmark just before the
   * timeout, and a clean end of the stream at the timeout.
   */
  async function handleWatch(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, r: Route): Promise<void> {
    const match = objectMatcher(q);
    const ck = collKey(r.def);
    const rvParam = q.get("resourceVersion") ?? "";
    const rvMatch = q.get("resourceVersionMatch") ?? "";
    const sendInitial = boolParam(q.get("sendInitialEvents"));
    const bookmarks = boolParam(q.get("allowWatchBookmarks")) === true;
    const errors: string[] = [];
    if (sendInitial !== undefined) {
      if (rvMatch !== "NotOlderThan") errors.push("resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
      if (registry.minor < 27) errors.push("sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled");
      if (sendInitial && !bookmarks) errors.push("allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true");
    }
    if (rvMatch) {
      if (sendInitial === undefined) errors.push("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
      if (rvMatch !== "NotOlderThan") errors.push(`resourceVersionMatch: Unsupported value: ${JSON.stringify(rvMatch)}: supported values: "NotOlderThan"`);
    }
    if (errors.length) throw invalidListOptions(errors);
    const requested = rvParam && rvParam !== "0" ? parseRv(rvParam) : undefined;
    const faults = watchFaults.get(req);
    const explicitTimeout = Number(q.get("timeoutSeconds") ?? "0");
    // Like the apiserver: the client's timeout, else a random one in [min, 2*min) request timeout.
    const timeoutMs = Math.min(explicitTimeout > 0 ? explicitTimeout * 1000 : minRequestTimeout * 1000 * (1 + Math.random()), 2 ** 31 - 1);
    const apiVersion = r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version;
    const accept = (o: KubeObject): boolean => {
      if (r.namespace !== undefined && o.metadata.namespace !== r.namespace) return false;
      if (r.name !== undefined && o.metadata.name !== r.name) return false;
      return !match || match(o);
    };
    // `kubectl get -w` asks for Tables: each event then carries a one-row Table, as the apiserver does.
    const table = wantsTable(req);
    const includeObject = q.get("includeObject") ?? "Metadata";
    const render = (e: Entry) => (table ? renderTable([e.obj], r.def.kind, { resourceVersion: String(e.obj.metadata.resourceVersion ?? "") }, includeObject) : entryJson(e));
    const bookmarkLine = (initialEnd = false) => {
      const rv = String(store.resourceVersion());
      if (table) return eventLine("BOOKMARK", renderTable([], r.def.kind, { resourceVersion: rv }, includeObject));
      const md: Record<string, unknown> = { resourceVersion: rv, creationTimestamp: null };
      if (initialEnd) md.annotations = { "k8s.io/initial-events-end": "true" };
      return eventLine("BOOKMARK", JSON.stringify({ kind: r.def.kind, apiVersion, metadata: md }));
    };

    // Errors the cacher reports as an ERROR event on a 200 stream, not as an HTTP status.
    let errorEvent: string | undefined;
    let replay: WatchEvent[] | undefined;
    if (requested !== undefined) {
      if (requested > store.resourceVersion() && !(await waitFresh(requested))) {
        const e = tooLarge(requested, store.resourceVersion());
        errorEvent = statusBody(e.code, e.reason, e.message, e.details);
      } else if (faults?.expired || !(replay = store.since(ck, requested))) {
        errorEvent = statusBody(410, "Expired", `too old resource version: ${requested} (${store.resourceVersion()})`);
      }
    }
    if (res.destroyed) return;
    res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private", "Transfer-Encoding": "chunked" });
    res.flushHeaders();
    if (errorEvent) {
      res.end(eventLine("ERROR", errorEvent));
      return;
    }
    openWatches.add(res);

    // Delivery: optionally delayed (slow stream, order kept) and optionally cut (dropped watch).
    const latency = faults?.eventLatencyMs ?? 0;
    const queue: Array<{ at: number; line: string; data: boolean }> = [];
    let flushTimer: NodeJS.Timeout | undefined;
    let timer: NodeJS.Timeout | undefined;
    let bookmarkTimer: NodeJS.Timeout | undefined;
    let lastBookmark: NodeJS.Timeout | undefined;
    let stop: (() => void) | undefined;
    let ending = false;
    let dataEvents = 0;
    let done = false;
    const spend = (f: ActiveFault) => {
      if (f.left <= 0) return false;
      f.left--;
      return true;
    };
    // A dropped connection still delivers what was written before the drop, as a cut TCP stream
    // would have: destroy once the earlier writes have reached the socket.
    let unflushed = 0;
    let destroyWhenFlushed = false;
    const drop = () => {
      cleanup();
      if (unflushed === 0) req.socket.destroy();
      else destroyWhenFlushed = true;
    };
    const flushed = () => {
      if (--unflushed === 0 && destroyWhenFlushed) req.socket.destroy();
    };
    const deliver = (line: string, data: boolean): boolean => {
      if (done || res.writableEnded || res.destroyed) return false;
      if (data && faults) {
        for (const f of faults.drops) {
          if (f.spec.watchDropRate && Math.random() < f.spec.watchDropRate && spend(f)) {
            drop();
            return false;
          }
        }
      }
      if (faults) {
        unflushed++;
        res.write(line, flushed);
      } else res.write(line);
      if (data && faults) {
        dataEvents++;
        for (const f of faults.drops) {
          if (f.spec.watchDropAfterEvents !== undefined && dataEvents >= f.spec.watchDropAfterEvents && spend(f)) {
            drop();
            return false;
          }
        }
      }
      return true;
    };
    const flush = () => {
      flushTimer = undefined;
      const now = Date.now();
      while (queue.length && queue[0]!.at <= now) {
        const item = queue.shift()!;
        if (!deliver(item.line, item.data)) return;
      }
      if (queue.length) flushTimer = setTimeout(flush, queue[0]!.at - now);
      else if (ending) finish();
    };
    const out = (line: string, data: boolean) => {
      if (!latency) {
        deliver(line, data);
        return;
      }
      queue.push({ at: Date.now() + latency, line, data });
      flushTimer ??= setTimeout(flush, latency);
    };
    function finish() {
      cleanup();
      if (!res.writableEnded && !res.destroyed) res.end();
    }

    if (requested === undefined && sendInitial !== false) {
      for (const e of store.page(ck, { namespace: r.namespace, match }).entries) {
        if (r.name === undefined || e.obj.metadata.name === r.name) out(eventLine("ADDED", render(e)), true);
      }
    } else if (requested !== undefined && sendInitial === true) {
      // The streaming list: the state not older than rv (the current one), then the bookmark.
      for (const e of store.page(ck, { namespace: r.namespace, match }).entries) {
        if (r.name === undefined || e.obj.metadata.name === r.name) out(eventLine("ADDED", render(e)), true);
      }
    } else if (replay) {
      for (const ev of replay) if (accept(ev.entry.obj)) out(eventLine(ev.type, render(ev.entry)), true);
    }
    if (sendInitial === true) out(bookmarkLine(true), false);
    // Nothing can happen between the initial events above and this registration (one tick).
    if (done) return; // dropped during the initial events
    stop = store.addWatcher({
      coll: ck,
      send: (ev, line) => {
        if (accept(ev.entry.obj)) out(table ? eventLine(ev.type, render(ev.entry)) : line(), true);
      },
    });
    if (bookmarks) bookmarkTimer = setInterval(() => out(bookmarkLine(), false), bookmarkIntervalMs);
    // The apiserver also sends one bookmark 2 s before the deadline so the client can resume from it.
    if (bookmarks && timeoutMs > 3000) lastBookmark = setTimeout(() => out(bookmarkLine(), false), timeoutMs - 2000);
    timer = setTimeout(() => {
      ending = true;
      if (!flushTimer) finish();
    }, timeoutMs);
    function cleanup() {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(lastBookmark);
      clearInterval(bookmarkTimer);
      clearTimeout(flushTimer);
      stop?.();
      openWatches.delete(res);
    }
    res.on("close", cleanup);
    req.on("close", cleanup);
  }

  async function handleReview(req: IncomingMessage, id: ResolvedIdentity, plural: string): Promise<[number, string]> {
    const body = (assertJsonBody(req), parseJsonBody(await readBody(req)));
    const spec = (body.spec ?? {}) as Record<string, unknown>;
    if (plural === "selfsubjectaccessreviews") {
      const ra = spec.resourceAttributes as Record<string, string> | undefined;
      let allowed: boolean;
      if (ra) {
        const group = ra.group === "*" ? "*" : (ra.group ?? "");
        allowed = isAllowed(id, ra.verb ?? "get", group, ra.resource ?? "");
      } else {
        // Non-resource URLs (/version, /healthz, discovery): readable by every authenticated user.
        const nra = (spec.nonResourceAttributes ?? {}) as Record<string, string>;
        allowed = id.allow === "*" || nra.verb === "get";
      }
      const status: Record<string, unknown> = { allowed };
      if (allowed) status.reason = `kube-sim: allowed by identity "${id.name}"`;
      return [201, JSON.stringify({ kind: "SelfSubjectAccessReview", apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null }, spec, status })];
    }
    const rules = rulesFor(id, registry);
    return [201, JSON.stringify({ kind: "SelfSubjectRulesReview", apiVersion: "authorization.k8s.io/v1", metadata: { creationTimestamp: null }, spec, status: { ...rules, incomplete: false } })];
  }

  /** The autoscaling/v1 Scale subresource (kubectl scale, HPAs). */
  async function handleScale(req: IncomingMessage, q: URLSearchParams, r: Route, verb: string, dryRun: boolean): Promise<[number, string]> {
    const { def, namespace, name } = r;
    if (verb !== "get" && verb !== "update" && verb !== "patch") throw new HttpError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    const ck = collKey(def);
    const e = store.get(ck, namespace, name!);
    if (!e) throw notFound(def, name!);
    let obj = e.obj;
    if (verb !== "get") {
      const body = (assertJsonBody(req), parseJsonBody(await readBody(req)));
      const replicas = (body.spec as { replicas?: unknown } | undefined)?.replicas;
      if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0)
        throw new HttpError(422, "Invalid", `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be a non-negative integer`);
      const current = JSON.parse(entryJson(e)) as KubeObject;
      const next: KubeObject = { ...current, spec: { ...((current.spec as object | undefined) ?? {}), replicas } };
      // kubectl scale writes through this subresource: the apiserver records it as its own entry.
      next.metadata = { ...next.metadata, managedFields: nextManagedFields(current, next, { manager: managerOf(q.get("fieldManager"), req.headers["user-agent"]), operation: "Update", apiVersion: current.apiVersion, subresource: "scale" }) };
      obj = store.put(def, next, { dryRun }).obj;
    }
    const spec = (obj.spec ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
    const selector = Object.entries(spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",");
    const md = obj.metadata;
    return [200, JSON.stringify({
      kind: "Scale",
      apiVersion: "autoscaling/v1",
      metadata: { name: md.name, namespace: md.namespace, uid: md.uid, resourceVersion: md.resourceVersion, creationTimestamp: md.creationTimestamp },
      spec: { replicas: spec.replicas ?? 1 },
      status: { replicas: Number((obj.status as { replicas?: number } | undefined)?.replicas ?? 0), selector },
    })];
  }

  const VAP_COLL = "admissionregistration.k8s.io/validatingadmissionpolicies";
  const VAPB_COLL = "admissionregistration.k8s.io/validatingadmissionpolicybindings";
  /** Audit-only policy failures, newest last (the apiserver writes them to its audit log). */
  const admissionAudits: Array<{ policy: string; binding: string; message: string; resource: string; name: string; namespace?: string; operation: string }> = [];

  /**
   * Admission of a write: the object's own validation where kube-sim models it (policies and
   * bindings), then the validating admission policies. Throws the denial; returns the warnings.
   */
  function admit(a: { operation: "CREATE" | "UPDATE" | "DELETE"; def: ResourceDef; namespace?: string; name: string; subresource?: string; object?: KubeObject; oldObject?: KubeObject; id: ResolvedIdentity; dryRun: boolean; res?: ServerResponse }): void {
    const { def } = a;
    if (a.object && def.group === "admissionregistration.k8s.io" && (def.kind === "ValidatingAdmissionPolicy" || def.kind === "ValidatingAdmissionPolicyBinding")) {
      const errors = def.kind === "ValidatingAdmissionPolicy" ? validatePolicyExpressions(a.object) : validateBinding(a.object);
      if (errors.length) {
        const msg = errors.length === 1 ? errors[0]! : `[${errors.join(", ")}]`;
        throw new HttpError(422, "Invalid", `${def.kind}.${def.group} "${a.name}" is invalid: ${msg}`, { name: a.name, group: def.group, kind: def.kind, causes: errors.map((e) => ({ reason: "FieldValueInvalid", message: e })) });
      }
    }
    const bindings = store.page(VAPB_COLL, {}).entries.map((e) => e.obj);
    if (bindings.length === 0) return;
    const policies = store.page(VAP_COLL, {}).entries.map((e) => e.obj);
    // The apiserver labels every Namespace kubernetes.io/metadata.name=<name> (bindings select on it).
    const withNameLabel = (ns: KubeObject | undefined): KubeObject | undefined =>
      ns && { ...ns, metadata: { ...ns.metadata, labels: { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": String(ns.metadata.name) } } };
    const nsObj = def.namespaced && a.namespace ? withNameLabel(store.get("/namespaces", undefined, a.namespace)?.obj) : undefined;
    const isNs = def.kind === "Namespace" && def.group === "";
    const outcome: AdmissionOutcome = admitPolicies(policies, bindings, {
      operation: a.operation,
      group: def.group,
      version: def.version,
      kind: def.kind,
      resource: def.plural,
      subresource: a.subresource,
      namespaced: def.namespaced,
      name: a.name,
      namespace: a.namespace,
      object: isNs ? withNameLabel(a.object) : a.object,
      oldObject: isNs ? withNameLabel(a.oldObject) : a.oldObject,
      namespaceObject: nsObj,
      userInfo: { username: a.id.username, groups: a.id.username.startsWith("system:serviceaccount:") ? ["system:serviceaccounts", "system:serviceaccounts:kube-sim", "system:authenticated"] : ["system:authenticated"] },
      dryRun: a.dryRun,
    });
    if (outcome.warnings.length && a.res && !a.res.headersSent) a.res.setHeader("Warning", outcome.warnings.map((w) => `299 - ${JSON.stringify(w)}`));
    if (!a.dryRun) for (const au of outcome.audits) admissionAudits.push({ ...au, resource: def.plural, name: a.name, namespace: a.namespace, operation: a.operation });
    if (admissionAudits.length > 1000) admissionAudits.splice(0, admissionAudits.length - 1000);
    if (outcome.denial) {
      const d = outcome.denial;
      const message = denialMessage({ group: def.group, resource: def.plural, name: a.name }, d);
      // As the apiserver: Status.message has the Forbidden prefix, the cause the policy's own message
      // (kubectl prints `The pods "x" is invalid: : ValidatingAdmissionPolicy '...' ...` from it).
      const own = message.slice(message.indexOf("ValidatingAdmissionPolicy '"));
      throw new HttpError(d.code, d.reason, message, { name: a.name, group: def.group, kind: def.plural, causes: [{ message: own }] });
    }
  }

  async function handleResource(req: IncomingMessage, res: ServerResponse, url: URL, id: ResolvedIdentity, r: Route): Promise<[number, string] | undefined> {
    const q = url.searchParams;
    const method = req.method ?? "GET";
    const { def, namespace, name } = r;
    const scalable = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].includes(def.kind);
    if (r.subresource && r.subresource !== "status" && !(r.subresource === "scale" && scalable))
      throw new HttpError(404, "NotFound", "the server could not find the requested resource");
    if (def.group === "authorization.k8s.io") {
      if (method !== "POST" || name) throw new HttpError(405, "MethodNotAllowed", `the server does not allow this method on the requested resource`);
      return handleReview(req, id, def.plural);
    }
    let verb: string;
    if (method === "GET") verb = r.watchPath || (!name && boolParam(q.get("watch"))) ? "watch" : name ? "get" : "list";
    else if (r.watchPath) throw new HttpError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    else if (method === "POST") verb = "create";
    else if (method === "PUT") verb = "update";
    else if (method === "PATCH") verb = "patch";
    else if (method === "DELETE") verb = name ? "delete" : "deletecollection";
    else throw new HttpError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    if (!isAllowed(id, verb, def.group, def.plural)) throw forbidden(id, verb, def, namespace, name);
    const ck = collKey(def);
    // Writes may be dry runs (dryRun=All): validated and admitted in full, answered as if done,
    // nothing stored, no event, no new resourceVersion. DELETE may carry it in its DeleteOptions body.
    let dryRun = false;
    let deleteOptions: Record<string, unknown> | undefined;
    if (verb === "delete") {
      const text = await readBody(req);
      if (text.trim()) deleteOptions = parseJsonBody(text) as unknown as Record<string, unknown>;
    }
    if (verb === "create" || verb === "update" || verb === "patch" || verb === "delete") {
      const fromBody = Array.isArray(deleteOptions?.dryRun) ? (deleteOptions.dryRun as unknown[]).map(String) : [];
      dryRun = dryRunOf([...q.getAll("dryRun"), ...fromBody], verb);
    }

    if (r.subresource === "scale") return handleScale(req, q, r, verb, dryRun);
    if (verb === "watch") {
      await handleWatch(req, res, q, r);
      return undefined;
    }
    if (verb === "list") return [200, await handleList(req, q, r)];
    if (verb === "get") {
      const e = store.get(ck, namespace, name!);
      if (!e) throw notFound(def, name!);
      if (wantsTable(req)) return [200, renderTable([e.obj], def.kind, { resourceVersion: e.obj.metadata.resourceVersion ?? "" }, q.get("includeObject") ?? "Metadata")];
      return [200, entryJson(e)];
    }
    if (verb === "delete") {
      const existing = store.get(ck, namespace, name!);
      if (!existing) throw notFound(def, name!);
      admit({ operation: "DELETE", def, namespace, name: name!, object: undefined, oldObject: existing.obj, id, dryRun, res });
      if (dryRun) return [200, entryJson(existing)];
      const gone = store.delete(ck, namespace, name!);
      if (!gone) throw notFound(def, name!);
      if (def.kind === "Namespace" && def.group === "") store.deleteNamespaceContents(name!);
      return [200, JSON.stringify(gone)];
    }
    if (verb === "deletecollection") throw new HttpError(405, "MethodNotAllowed", "deletecollection is not supported by kube-sim");

    const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
    let body: KubeObject;
    let creating = verb === "create";
    let applied: KubeObject | undefined;
    const ctype = String(req.headers["content-type"] ?? "");
    const isApply = verb === "patch" && ctype.includes("apply-patch");
    if (isApply && !q.get("fieldManager")) throw new HttpError(400, "BadRequest", "PATCH, application/apply-patch+yaml: fieldManager is required for apply requests");
    if (verb === "patch") {
      if (ctype.includes("json-patch")) throw new HttpError(415, "UnsupportedMediaType", "kube-sim supports merge, strategic-merge and apply patches only");
      const existing = store.get(ck, namespace, name!);
      assertJsonBody(req);
      const text = await readBody(req);
      // Server-side apply: the body is a (YAML or JSON) partial object; it creates when absent.
      // Field ownership is not tracked, so an apply merges like a merge patch.
      const patch = isApply ? parseApplyBody(text) : parseJsonBody(text);
      if (isApply) applied = patch;
      if (!existing && !ctype.includes("apply-patch")) throw notFound(def, name!);
      if (!existing) {
        creating = true;
        body = { ...patch, metadata: { ...(patch.metadata ?? {}), name } };
      } else {
        const current = JSON.parse(entryJson(existing)) as unknown;
        body = (ctype.includes("strategic-merge") || ctype.includes("apply-patch") ? strategicMerge(current, patch) : mergePatch(current, patch)) as KubeObject;
      }
    } else {
      body = (assertJsonBody(req), parseJsonBody(await readBody(req)));
    }
    body.apiVersion ||= apiVersion;
    body.kind ||= def.kind;
    body.metadata ??= {};
    if (body.kind !== def.kind) throw new HttpError(400, "BadRequest", `the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersion}) or kind ${body.kind} is not ${def.kind}`);
    if (splitApiVersion(body.apiVersion).group !== def.group) throw new HttpError(400, "BadRequest", `the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersion})`);
    if (def.namespaced) {
      if (body.metadata.namespace && namespace && body.metadata.namespace !== namespace)
        throw new HttpError(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request");
      body.metadata.namespace = namespace ?? body.metadata.namespace ?? "default";
    }
    if (creating) {
      if (!body.metadata.name && typeof body.metadata.generateName === "string") body.metadata.name = body.metadata.generateName + randomBytes(3).toString("hex").slice(0, 5);
      if (!body.metadata.name) throw new HttpError(422, "Invalid", `${def.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
      if (store.get(ck, body.metadata.namespace, String(body.metadata.name))) {
        throw new HttpError(409, "AlreadyExists", `${def.plural}${def.group ? "." + def.group : ""} "${body.metadata.name}" already exists`, { name: body.metadata.name, group: def.group, kind: def.plural });
      }
      delete body.metadata.resourceVersion;
      delete body.metadata.uid;
      delete body.metadata.creationTimestamp;
    } else {
      if (body.metadata.name && body.metadata.name !== name) throw new HttpError(400, "BadRequest", `the name of the object (${String(body.metadata.name)}) does not match the name on the URL (${name})`);
      body.metadata.name = name;
      const existing = store.get(ck, body.metadata.namespace, name!);
      if (!existing) throw notFound(def, name!);
      if (verb === "update" && body.metadata.resourceVersion && body.metadata.resourceVersion !== existing.obj.metadata.resourceVersion) {
        throw new HttpError(409, "Conflict", `Operation cannot be fulfilled on ${def.plural}${def.group ? "." + def.group : ""} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, group: def.group, kind: def.plural });
      }
    }
    const prev = creating ? undefined : store.get(ck, body.metadata.namespace, String(body.metadata.name));
    admit({ operation: creating ? "CREATE" : "UPDATE", def, namespace: body.metadata.namespace, name: String(body.metadata.name), subresource: r.subresource, object: body, oldObject: prev?.obj, id, dryRun, res });
    // A write that changes nothing is not a write: no new resourceVersion, no event (the
    // apiserver compares the result with the stored object, managedFields timestamps aside).
    if (prev && deepEqual(comparable(prev.obj), comparable(body))) return [200, entryJson(prev)];
    body.metadata.managedFields = nextManagedFields(prev?.obj, body, {
      manager: managerOf(q.get("fieldManager"), req.headers["user-agent"]),
      operation: isApply ? "Apply" : "Update",
      apiVersion,
      subresource: r.subresource === "status" ? "status" : undefined,
      applied,
    });
    if (def.kind === "CustomResourceDefinition" && !dryRun) registry.addCrd(body);
    const { obj, created } = store.put(def, body, { dryRun });
    return [created ? 201 : 200, JSON.stringify(obj)];
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<[number, string] | undefined> {
    const id = authenticate(req);
    if (!id) throw new HttpError(401, "Unauthorized", "Unauthorized");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    if (req.method === "GET") {
      if (path === "/version")
        return [200, JSON.stringify({ major, minor, gitVersion, gitCommit: "0000000000000000000000000000000000000000", gitTreeState: "clean", buildDate: "2024-01-01T00:00:00Z", goVersion: "go1.21.6", compiler: "gc", platform: "linux/amd64" }, null, 2)];
      if (path === "/healthz" || path === "/livez" || path === "/readyz") return [200, "ok"];
      const aggregated = path === "/api" || path === "/apis" ? aggregatedVersion(req) : undefined;
      if (aggregated) {
        res.setHeader("Content-Type", `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`);
        return [200, aggregatedDiscovery(path === "/api", aggregated)];
      }
      if (path === "/api") {
        const port = (server.address() as { port: number }).port;
        return [200, JSON.stringify({ kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: `${host}:${port}` }] })];
      }
      if (path === "/api/v1") return [200, discoveryResources("", "v1")];
      if (path === "/openapi/v3") return [200, openapiRoot()];
      if (parts[0] === "openapi" && parts[1] === "v3" && parts.length >= 4) {
        const doc = parts[2] === "api" ? openapiGroupVersion("", parts[3]!) : parts[2] === "apis" && parts.length === 5 ? openapiGroupVersion(parts[3]!, parts[4]!) : undefined;
        if (doc) return [200, doc];
      }
      if (path === "/apis") {
        const groups = [...registry.groups().entries()].filter(([g]) => g !== "").map(([g, vs]) => apiGroup(g, vs));
        return [200, JSON.stringify({ kind: "APIGroupList", apiVersion: "v1", groups })];
      }
      if (parts[0] === "apis" && parts.length === 2) {
        const vs = registry.groups().get(parts[1]!);
        if (!vs) throw new HttpError(404, "NotFound", "the server could not find the requested resource");
        return [200, JSON.stringify({ kind: "APIGroup", apiVersion: "v1", ...apiGroup(parts[1]!, vs) })];
      }
      if (parts[0] === "apis" && parts.length === 3) {
        if (!registry.groups().get(parts[1]!)?.includes(parts[2]!)) throw new HttpError(404, "NotFound", "the server could not find the requested resource");
        return [200, discoveryResources(parts[1]!, parts[2]!)];
      }
    }
    const r = route(parts);
    if (!r) throw new HttpError(404, "NotFound", "the server could not find the requested resource");
    return handleResource(req, res, url, id, r);
  }

  /** `watch` is set for watch requests: whether they name a resourceVersion (only those can be 410ed). */
  function pickFaults(path: string, watch?: { fromRv: boolean }): { latency: number; action?: "500" | "429" | "drop" | "truncate"; retryAfter: number; watch?: WatchFaults } {
    let latency = 0;
    let action: "500" | "429" | "drop" | "truncate" | undefined;
    let retryAfter = 1;
    const wf: WatchFaults | undefined = watch ? { eventLatencyMs: 0, expired: false, drops: [] } : undefined;
    for (const f of faults) {
      if (f.left <= 0) continue;
      if (f.re && !f.re.test(path)) continue;
      let applied = false;
      if (f.spec.latencyMs) {
        latency += f.spec.latencyMs;
        if (wf) wf.eventLatencyMs += f.spec.latencyMs;
        applied = true;
      }
      if (wf) {
        // Drops are counted against `times` when they happen, in the watch.
        if (f.spec.watchDropAfterEvents !== undefined || f.spec.watchDropRate) wf.drops.push(f);
        if (!wf.expired && watch?.fromRv && f.spec.watchExpired && Math.random() < f.spec.watchExpired) {
          wf.expired = true;
          applied = true;
        }
      }
      if (!action) {
        const roll = (p?: number) => !!p && Math.random() < p;
        if (roll(f.spec.dropConnection)) action = "drop";
        else if (roll(f.spec.status500)) action = "500";
        else if (roll(f.spec.status429)) action = "429";
        else if (roll(f.spec.truncateBody)) action = "truncate";
        if (action) {
          applied = true;
          retryAfter = f.spec.retryAfterSeconds ?? 1;
        }
      }
      if (applied) f.left--;
    }
    return { latency, action, retryAfter, watch: wf };
  }

  const server = https.createServer(
    { key: tls.keyPem, cert: tls.certPem, ca: [tls.caPem], requestCert: true, rejectUnauthorized: false, keepAliveTimeout: 30_000 },
    (req, res) => {
      requests++;
      void (async () => {
        const url = new URL(req.url ?? "/", "https://kube-sim");
        let fault: ReturnType<typeof pickFaults> = { latency: 0, retryAfter: 1, action: undefined };
        if (faults.length) {
          const sp = url.searchParams;
          const isWatch = req.method === "GET" && (sp.get("watch") === "true" || sp.get("watch") === "1" || /^\/apis?\/(?:[^/]+\/)?[^/]+\/watch\//.test(url.pathname));
          const rv = sp.get("resourceVersion");
          fault = pickFaults(url.pathname, isWatch ? { fromRv: !!rv && rv !== "0" } : undefined);
          if (fault.watch) watchFaults.set(req, fault.watch);
        }
        if (fault.latency) await new Promise((r) => setTimeout(r, fault.latency));
        if (fault.action === "drop") {
          req.socket.destroy();
          return;
        }
        let code: number;
        let body: string;
        const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-cache, private", "Audit-Id": randomBytes(8).toString("hex") };
        try {
          if (fault.action === "500") throw new HttpError(500, "InternalError", "Internal error occurred: kube-sim injected fault");
          if (fault.action === "429") {
            headers["Retry-After"] = String(fault.retryAfter);
            throw new HttpError(429, "TooManyRequests", "The server has received too many requests and has asked us to try again later", { retryAfterSeconds: fault.retryAfter });
          }
          const out = await handle(req, res, url);
          if (!out) return; // streamed (watch)
          [code, body] = out;
          if (body === "ok") headers["Content-Type"] = "text/plain; charset=utf-8";
          else if (wantsTable(req) && body.startsWith('{"kind":"Table"')) headers["Content-Type"] = "application/json;as=Table;v=v1;g=meta.k8s.io";
          else if (res.hasHeader("Content-Type")) headers["Content-Type"] = String(res.getHeader("Content-Type"));
        } catch (e) {
          if (e instanceof HttpError) {
            code = e.code;
            body = statusBody(e.code, e.reason, e.message, e.details);
          } else {
            code = 500;
            body = statusBody(500, "InternalError", `Internal error occurred: ${(e as Error).message}`);
          }
        }
        if (res.headersSent || res.destroyed) return;
        const buf = Buffer.from(body, "utf8");
        headers["Content-Length"] = String(buf.length);
        if (fault.action === "truncate") {
          res.writeHead(code, headers);
          res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => req.socket.destroy());
          return;
        }
        res.writeHead(code, headers);
        res.end(buf);
      })();
    },
  );
  server.on("clientError", (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `https://${host.includes(":") ? `[${host}]` : host}:${port}`;

  function kubeconfig(kopts: { identity?: string; allContexts?: boolean } = {}): string {
    const chosen = kopts.allContexts ? identities : identities.filter((i) => i.name === (kopts.identity ?? identities[0]?.name));
    if (chosen.length === 0) throw new Error(`kube-sim: no identity named ${JSON.stringify(kopts.identity)}; known: ${identities.map((i) => i.name).join(", ")}`);
    const caData = Buffer.from(tls.caPem).toString("base64");
    return toYaml({
      apiVersion: "v1",
      kind: "Config",
      clusters: [{ name: clusterName, cluster: { server: url, "certificate-authority-data": caData } }],
      users: chosen.map((id) => {
        if (id.clientCert) {
          const c = clientTls(id.name);
          return { name: id.name, user: { "client-certificate-data": Buffer.from(c.certPem).toString("base64"), "client-key-data": Buffer.from(c.keyPem).toString("base64") } };
        }
        return { name: id.name, user: { token: id.token } };
      }),
      contexts: chosen.map((id) => ({ name: id.name, context: { cluster: clusterName, user: id.name } })),
      "current-context": chosen[0]!.name,
      preferences: {},
    });
  }

  function findDef(apiVersion: string, kind: string): ResourceDef | undefined {
    return registry.forObject({ apiVersion, kind, metadata: {} });
  }

  return {
    url,
    port,
    caPem: tls.caPem,
    kubeconfig,
    setFaults(list) {
      faults = list.map((spec) => ({ spec, re: spec.pathPattern ? new RegExp(spec.pathPattern) : undefined, left: spec.times ?? Infinity }));
    },
    clearFaults() {
      faults = [];
    },
    store: {
      list(kind) {
        const all = store.all().map((e) => e.obj);
        return kind ? all.filter((o) => o.kind === kind) : all;
      },
      apply(obj, o) {
        const stored = applyObject(obj, false, o?.manager);
        if (!stored) throw new Error(`kube-sim: ${obj.apiVersion} ${obj.kind} is not served by Kubernetes ${version}`);
        return stored;
      },
      remove(apiVersion, kind, namespace, name) {
        const def = findDef(apiVersion, kind);
        if (!def) return false;
        return !!store.delete(collKey(def), def.namespaced ? (namespace ?? "default") : undefined, name);
      },
      count: () => store.count(),
    },
    requestCount: () => requests,
    admissionAudits: () => admissionAudits.map((a) => ({ ...a })),
    compact: () => store.compact(),
    close() {
      for (const w of openWatches) w.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
