// Pod-template helpers shared by every workload rule: find each pod spec once (on its top
// controller) and walk its containers with exact field paths.
import type { KubeObject, Rule, RuleContext, SnapshotIndex } from "../types";

export const WORKLOAD_KINDS: readonly string[] = [
  "Pod",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "ReplicationController",
] as const;

export interface PodSpecRef {
  object: KubeObject;
  spec: any;
  path: string;
  meta: { labels: Record<string, string>; annotations: Record<string, string> };
  metaPath: string;
  /**
   * Container lists, filled by `containers()` on first use (all types, then the three filtered
   * views): fields rather than WeakMaps, since every workload rule asks for them per pod spec.
   */
  _all?: ContainerRef[];
  _views?: Array<ContainerRef[] | undefined>;
}

export interface ContainerRef {
  container: any;
  path: string;
  type: "container" | "initContainer" | "ephemeralContainer";
  /** Per-container memo for helpers (capabilities); filled on first use. */
  _caps?: unknown;
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const TEMPLATE_OWNERS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"]);

/**
 * True when the object's controller (ownerReferences controller=true) is a workload kind that is
 * itself in the snapshot, so its pod template is judged there. Other owners do not count: a
 * static (mirror) Pod is "controlled" by its Node, and an operator's custom resource has no
 * template the rules read, so those Pods are judged themselves.
 */
export function controllerInSnapshot(obj: KubeObject, index: SnapshotIndex): boolean {
  const refs = obj.metadata?.ownerReferences;
  if (!Array.isArray(refs)) return false;
  for (const ref of refs) {
    if (!ref || ref.controller !== true || !TEMPLATE_OWNERS.has(ref.kind)) continue;
    if (ref.uid && templateOwnerUids(index).has(ref.uid)) return true;
    if (ref.kind && ref.name && index.byName(ref.kind, obj.metadata?.namespace, ref.name)) return true;
  }
  return false;
}

// uids of the objects that can be a pod's template owner. Only controllerInSnapshot needs uid
// lookups, and a set of the owner kinds is a fraction of a uid map over every object.
const ownerUidCache = new WeakMap<SnapshotIndex, Set<string>>();

function templateOwnerUids(index: SnapshotIndex): Set<string> {
  let set = ownerUidCache.get(index);
  if (set) return set;
  set = new Set();
  for (const kind of TEMPLATE_OWNERS) {
    for (const o of index.byKind(kind)) {
      const uid = o.metadata?.uid;
      if (typeof uid === "string" && uid) set.add(uid);
    }
  }
  ownerUidCache.set(index, set);
  return set;
}

/** The pod spec of one workload object, or undefined when the kind has none. */
export function podSpecOf(obj: KubeObject): PodSpecRef | undefined {
  const o = obj as any;
  switch (obj.kind) {
    case "Pod":
      return specRef(obj, o, "spec", "metadata");
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "Job":
    case "ReplicationController":
      return specRef(obj, o.spec?.template, "spec.template.spec", "spec.template.metadata");
    case "CronJob":
      return specRef(obj, o.spec?.jobTemplate?.spec?.template, "spec.jobTemplate.spec.template.spec", "spec.jobTemplate.spec.template.metadata");
    default:
      return undefined;
  }
}

/**
 * The spec and metadata of `t`: the Pod itself or a controller's pod template (paths given whole,
 * not built, as every finding carries them).
 */
function specRef(obj: KubeObject, t: any, path: string, metaPath: string): PodSpecRef | undefined {
  if (!isObj(t) || !isObj(t.spec)) return undefined;
  return {
    object: obj,
    spec: t.spec,
    path,
    meta: { labels: t.metadata?.labels ?? EMPTY, annotations: t.metadata?.annotations ?? EMPTY },
    metaPath,
    _all: undefined,
    _views: undefined,
  };
}

// Many rules walk the same pod specs; compute the list once per index (i.e. per evaluation).
const cache = new WeakMap<SnapshotIndex, PodSpecRef[]>();
// Contexts the engine made to run a pod-local rule over part of the list (see withPodSpecSlice).
const slices = new WeakMap<RuleContext, readonly PodSpecRef[]>();

/**
 * Every pod spec in the snapshot, skipping a Pod/ReplicaSet/Job whose controller is itself in the
 * snapshot, so a finding is reported once, on the top controller. A rule's main loop: under a
 * context from withPodSpecSlice it yields that slice only. Helpers that look across pod specs
 * (labels per namespace, ...) use allPodSpecs.
 */
export function podSpecs(ctx: RuleContext): Iterable<PodSpecRef> {
  return slices.get(ctx) ?? allPodSpecs(ctx);
}

/** Every pod spec of the snapshot, whatever slice the context judges. */
export function allPodSpecs(ctx: RuleContext): readonly PodSpecRef[] {
  let list = cache.get(ctx.index);
  if (list) return list;
  list = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const obj of ctx.index.byKind(kind)) {
      if ((kind === "Pod" || kind === "ReplicaSet" || kind === "Job") && controllerInSnapshot(obj, ctx.index)) continue;
      const ref = podSpecOf(obj);
      if (ref) list.push(ref);
    }
  }
  cache.set(ctx.index, list);
  return list;
}

/**
 * A context whose podSpecs() is `slice` (consecutive entries of allPodSpecs), for the engine to run
 * pod-local rules object by object while the pod specs are still in the CPU cache.
 */
export function withPodSpecSlice(ctx: RuleContext, slice: readonly PodSpecRef[]): RuleContext {
  const sub: RuleContext = { ...ctx };
  slices.set(sub, slice);
  return sub;
}

const FIELDS: ReadonlyArray<readonly [string, ContainerRef["type"]]> = [
  ["containers", "container"],
  ["initContainers", "initContainer"],
  ["ephemeralContainers", "ephemeralContainer"],
];

// Every rule walks the same containers: build each pod spec's list once (per evaluation, since
// PodSpecRefs are cached per index) instead of allocating refs and paths in every rule.
function allContainers(ref: PodSpecRef): ContainerRef[] {
  let list = ref._all;
  if (list) return list;
  list = [];
  const spec = ref.spec;
  for (const [field, type] of FIELDS) {
    const arr = spec?.[field];
    if (!Array.isArray(arr)) continue;
    for (let i = 0; i < arr.length; i++) {
      const c = arr[i];
      if (!isObj(c)) continue;
      list.push({ container: c, path: `${ref.path}.${field}[${i}]`, type, _caps: undefined });
    }
  }
  ref._all = list;
  return list;
}

/** Containers of a pod spec with their exact paths; default: all three container types. */
export function containers(ref: PodSpecRef, opts?: { init?: boolean; ephemeral?: boolean }): Iterable<ContainerRef> {
  const all = ref._all ?? allContainers(ref);
  if (opts === undefined) return all;
  const init = opts.init !== false;
  const ephemeral = opts.ephemeral !== false;
  if (init && ephemeral) return all;
  // The filtered views are cached too: resource and probe rules ask for them per pod spec.
  const views = ref._views ?? (ref._views = [undefined, undefined, undefined]);
  const slot = (init ? 1 : 0) + (ephemeral ? 2 : 0);
  let list = views[slot];
  if (!list) {
    list = all.filter((c) => c.type === "container" || (c.type === "initContainer" ? init : ephemeral));
    views[slot] = list;
  }
  return list;
}

/** Identity, for typing. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
