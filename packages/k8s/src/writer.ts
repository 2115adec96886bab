// Applies approved fixes to a cluster with the cluster's write credential (issue 19). For each
// target: GET it, climb its controller chain (Pod -> ReplicaSet -> Deployment, Pod -> Job ->
// CronJob) and re-root the pod-spec part of the patch at the top owner's pod template, refuse
// objects that Argo CD or Flux manage (a patch would be reverted, or fight the GitOps tool), then
// send every patch as a server-side dry run (application/strategic-merge-patch+json,
// fieldManager=bulwark, dryRun=All) and only when all of them pass, the same patches for real.
// Same HTTP stack as the reader: TLS from the vetted kubeconfig, the address guard, a deadline.
import type { KubeObject } from "@bulwark/rules";
import { KubeconfigError } from "@bulwark/security";
import { DeadlineError, HttpStatusError, KubeHttp, describeError } from "./http";
import { prepare } from "./reader";
import { RESOURCES_TO_READ, groupVersionPath } from "./resources";

export const FIELD_MANAGER = "bulwark";
const SMP = "application/strategic-merge-patch+json";

/** The object a patch is meant for. */
export interface WriteTarget {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ApplyPatchesOptions {
  /** Vetted kubeconfig YAML of the write credential (decrypted by the worker). */
  kubeconfig: string;
  patches: readonly { target: WriteTarget; patch: Record<string, unknown> }[];
  allowPrivateNetworks?: boolean;
  allowInsecureTls?: boolean;
  /** Overall budget for the whole apply; default 60000. */
  deadlineMs?: number;
  requestTimeoutMs?: number;
  /** Default "bulwark". */
  fieldManager?: string;
  /** Stop after the dry run (nothing is written). */
  dryRunOnly?: boolean;
}

export interface PatchOutcome {
  /** the object the patch was planned for */
  target: WriteTarget;
  /** the object actually patched (the controlling owner, or the target itself) */
  patchedAt?: WriteTarget;
  /** the patch as sent (re-rooted at the owner when there is one) */
  patch?: Record<string, unknown>;
  /** "ok", or the API server's answer to the dry run */
  dryRun?: string;
  /** as read before the patch, and as the API server answered the patch (raw: sanitize before storing) */
  before?: KubeObject;
  after?: KubeObject;
  error?: string;
}

export interface ApplyPatchesResult {
  /** applied: every patch landed; failed: nothing (or, when `partial`, only some) applied; refused: GitOps or an owner we cannot patch */
  status: "applied" | "failed" | "refused";
  error?: string;
  /** true when a real patch failed after others had landed */
  partial?: boolean;
  outcomes: PatchOutcome[];
}

/** Refused before any write: the message says what to do instead. */
export class FixRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FixRefusedError";
  }
}

// ---------------------------------------------------------------------------------------------
// Pod templates: where each workload kind keeps its pod spec.

/** Path of the pod template (metadata + spec) inside each kind; [] for a Pod itself. */
export const POD_TEMPLATE_PATH: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};

/** Kinds whose controller may own a pod template we can re-root into. */
const WORKLOAD_OWNERS = new Set(["ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "ReplicationController", "Job", "CronJob"]);

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object" && !Array.isArray(x);

function getAt(obj: unknown, path: readonly string[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

function wrapAt(path: readonly string[], value: Record<string, unknown>): Record<string, unknown> {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) out = { [path[i]!]: out };
  return out;
}

const ref = (t: WriteTarget) => `${t.kind} ${t.namespace ? `${t.namespace}/` : ""}${t.name}`;

/**
 * The patch's pod-template part, re-rooted from `from`'s kind at `to`'s kind. A Pod's metadata
 * labels/annotations become the template's; anything outside the pod template (a Deployment's
 * replicas, a Pod's name) cannot move and makes the re-rooting fail with why.
 */
export function rerootPatch(patch: Record<string, unknown>, from: WriteTarget, to: WriteTarget): Record<string, unknown> {
  const fromPath = POD_TEMPLATE_PATH[from.kind];
  const toPath = POD_TEMPLATE_PATH[to.kind];
  if (!fromPath || !toPath || to.kind === "Pod") throw new FixRefusedError(`cannot move a patch of ${ref(from)} to ${ref(to)}: only pod templates can be patched at an owner`);
  const { apiVersion: _a, kind: _k, metadata: meta, ...rest } = patch;
  let template: Record<string, unknown>;
  if (fromPath.length === 0) {
    // A Pod: its spec and its labels/annotations are the template; its identity stays behind.
    const { name: _n, namespace: _ns, uid: _u, resourceVersion: _rv, ...podMeta } = isRecord(meta) ? meta : {};
    const other = Object.keys(rest).filter((k) => k !== "spec");
    if (other.length) throw new FixRefusedError(`the fix of ${ref(from)} changes ${other.join(", ")}, which ${ref(to)}'s pod template does not have`);
    template = { ...(Object.keys(podMeta).length ? { metadata: podMeta } : {}), ...(rest.spec !== undefined ? { spec: rest.spec } : {}) };
  } else {
    const inner = getAt(rest, fromPath);
    if (!isRecord(inner)) throw new FixRefusedError(`the fix of ${ref(from)} does not change its pod template, so it cannot be applied at its owner ${ref(to)}`);
    // Nothing but the template may be in the patch: compare it with the template wrapped back.
    if (JSON.stringify(wrapAt(fromPath, inner)) !== JSON.stringify(rest)) {
      throw new FixRefusedError(`the fix of ${ref(from)} changes fields outside its pod template, which cannot be applied at its owner ${ref(to)}`);
    }
    template = inner;
  }
  const metadata: Record<string, unknown> = { name: to.name };
  if (to.namespace) metadata.namespace = to.namespace;
  return { apiVersion: to.apiVersion, kind: to.kind, metadata, ...wrapAt(toPath, template) };
}

// ---------------------------------------------------------------------------------------------
// GitOps: objects whose desired state lives in Git.

/** Why the object is managed by a GitOps tool ("Argo CD (annotation argocd.argoproj.io/tracking-id)"), or null. */
export function gitOpsManager(obj: KubeObject): string | null {
  const labels = obj.metadata?.labels ?? {};
  const annotations = obj.metadata?.annotations ?? {};
  if (annotations["argocd.argoproj.io/tracking-id"] !== undefined) return "Argo CD (annotation argocd.argoproj.io/tracking-id)";
  if (annotations["argocd.argoproj.io/instance"] !== undefined) return "Argo CD (annotation argocd.argoproj.io/instance)";
  if (labels["argocd.argoproj.io/instance"] !== undefined) return "Argo CD (label argocd.argoproj.io/instance)";
  if (labels["kustomize.toolkit.fluxcd.io/name"] !== undefined) return "Flux (label kustomize.toolkit.fluxcd.io/name)";
  if (labels["helm.toolkit.fluxcd.io/name"] !== undefined) return "Flux (label helm.toolkit.fluxcd.io/name)";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Paths and errors.

function resourcePath(t: WriteTarget): string {
  const slash = t.apiVersion.indexOf("/");
  const group = slash < 0 ? "" : t.apiVersion.slice(0, slash);
  const version = slash < 0 ? t.apiVersion : t.apiVersion.slice(slash + 1);
  const spec = RESOURCES_TO_READ.find((r) => r.kind === t.kind && r.group === group);
  if (!spec) throw new FixRefusedError(`Bulwark does not patch ${t.kind} (${t.apiVersion}) objects`);
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(t.name)) throw new FixRefusedError(`"${t.name}" is not a valid object name`);
  if (spec.namespaced) {
    if (!t.namespace || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(t.namespace)) throw new FixRefusedError(`${t.kind} ${t.name} needs a valid namespace`);
    return `${groupVersionPath(group, version)}/namespaces/${t.namespace}/${spec.resource}/${t.name}`;
  }
  return `${groupVersionPath(group, version)}/${spec.resource}/${t.name}`;
}

function plural(t: WriteTarget): string {
  return RESOURCES_TO_READ.find((r) => r.kind === t.kind)?.resource ?? t.kind.toLowerCase();
}

/** The API server's answer as a sentence about this credential and this object. */
export function describeWriteError(err: unknown, verb: "get" | "patch", t: WriteTarget, server: string): string {
  if (err instanceof FixRefusedError || err instanceof KubeconfigError) return err.message;
  if (err instanceof HttpStatusError) {
    const where = t.namespace ? ` in namespace ${t.namespace}` : "";
    if (err.status === 401) return `the write credential was rejected by ${server} (HTTP 401): it is not valid for this cluster any more`;
    // RBAC says "cannot <verb> resource"; an admission controller's 403 is passed on as it is.
    if (err.status === 403 && /cannot \w+ resource/.test(err.reason)) return `the write credential may not ${verb} ${plural(t)}${where} (${err.reason})`;
    if (err.status === 404) return `${ref(t)} no longer exists`;
    if (err.status === 409) return `${ref(t)} changed while the fix was being applied (conflict): ${err.reason}`;
    return `the API server refused to ${verb} ${ref(t)} (HTTP ${err.status}): ${err.reason}`;
  }
  if (err instanceof DeadlineError) return `the fix did not finish in time (${err.message})`;
  return `cannot reach the API server at ${server}: ${describeError(err, server)}`;
}

const targetOf = (o: KubeObject): WriteTarget => ({ apiVersion: o.apiVersion, kind: o.kind, ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}), name: o.metadata.name ?? "" });
const keyOf = (t: WriteTarget) => `${t.apiVersion}|${t.kind}|${t.namespace ?? ""}|${t.name}`;

/** Deep merge of two patches for the same object (maps merged, lists of named items merged by name). */
function mergePatches(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every((x) => isRecord(x) && typeof x.name === "string")) {
    const out = a.map((x) => ({ ...(x as Record<string, unknown>) }));
    for (const item of b as Record<string, unknown>[]) {
      const i = out.findIndex((x) => x.name === item.name);
      if (i < 0) out.push(item);
      else out[i] = mergePatches(out[i], item) as Record<string, unknown>;
    }
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? mergePatches(out[k], v) : v;
    return out;
  }
  return b;
}

const MAX_OWNER_DEPTH = 4;

/**
 * Applies the patches: owners resolved and GitOps refused first (nothing is written), then a
 * server-side dry run of every patch, then the patches. Never throws for an answer of the API
 * server: the result says what happened to each target.
 */
export async function applyPatches(opts: ApplyPatchesOptions): Promise<ApplyPatchesResult> {
  const deadlineMs = opts.deadlineMs ?? 60_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineError(deadlineMs)), deadlineMs);
  const outcomes: PatchOutcome[] = opts.patches.map((p) => ({ target: p.target }));
  let http: KubeHttp | undefined;
  let server = "the API server";
  try {
    let params;
    try {
      params = await prepare(opts.kubeconfig, { ...(opts.allowPrivateNetworks !== undefined ? { allowPrivateNetworks: opts.allowPrivateNetworks } : {}), ...(opts.allowInsecureTls !== undefined ? { allowInsecureTls: opts.allowInsecureTls } : {}) });
    } catch (err) {
      return { status: "failed", error: `the write credential is not usable: ${(err as Error).message}`, outcomes };
    }
    server = params.server.toString().replace(/\/$/, "");
    http = new KubeHttp({ params, concurrency: 2, requestTimeoutMs: opts.requestTimeoutMs ?? 15_000, retries: 2, allowPrivateNetworks: opts.allowPrivateNetworks ?? false, signal: controller.signal });
    const h = http;
    const get = (t: WriteTarget) => h.getJson<KubeObject>(resourcePath(t));
    const manager = encodeURIComponent(opts.fieldManager ?? FIELD_MANAGER);

    // 1. Read each target, climb to its top controller, re-root, refuse GitOps.
    const groups = new Map<string, { at: WriteTarget; patch: Record<string, unknown>; before: KubeObject; members: number[] }>();
    for (const [i, p] of opts.patches.entries()) {
      const o = outcomes[i]!;
      let current: KubeObject;
      try {
        current = await get(p.target);
      } catch (err) {
        o.error = describeWriteError(err, "get", p.target, server);
        return { status: err instanceof FixRefusedError ? "refused" : "failed", error: o.error, outcomes };
      }
      let at = targetOf(current);
      let patch = p.patch;
      const chain: KubeObject[] = [current];
      for (let depth = 0; ; depth++) {
        const owner = (current.metadata?.ownerReferences ?? []).find((r) => r?.controller === true);
        if (!owner) break;
        const ownerTarget: WriteTarget = { apiVersion: owner.apiVersion, kind: owner.kind, ...(at.namespace ? { namespace: at.namespace } : {}), name: owner.name };
        if (!WORKLOAD_OWNERS.has(owner.kind) || depth >= MAX_OWNER_DEPTH) {
          if (at.kind === "Pod" && owner.kind === "Node") break; // a static pod's mirror: judged and patched as itself
          o.error = `${ref(at)} is controlled by ${ref(ownerTarget)}, which Bulwark cannot patch: fix it where ${owner.kind} ${owner.name} is defined`;
          return { status: "refused", error: o.error, outcomes };
        }
        try {
          patch = rerootPatch(patch, at, ownerTarget);
          current = await get(ownerTarget);
        } catch (err) {
          o.error = describeWriteError(err, "get", ownerTarget, server);
          return { status: err instanceof FixRefusedError ? "refused" : "failed", error: o.error, outcomes };
        }
        at = targetOf(current);
        chain.push(current);
      }
      for (const obj of chain) {
        const gitops = gitOpsManager(obj);
        if (gitops) {
          o.error = `${ref(targetOf(obj))} is managed by ${gitops}: fix it in Git`;
          return { status: "refused", error: o.error, outcomes };
        }
      }
      o.patchedAt = at;
      o.before = current;
      const k = keyOf(at);
      const g = groups.get(k);
      if (g) {
        g.patch = mergePatches(g.patch, patch) as Record<string, unknown>;
        g.members.push(i);
      } else groups.set(k, { at, patch, before: current, members: [i] });
    }
    // The read's resourceVersion makes the API server refuse (409) a patch of an object changed since.
    const bodies = [...groups.values()].map((g) => {
      const meta = isRecord(g.patch.metadata) ? g.patch.metadata : {};
      const rv = g.before.metadata?.resourceVersion;
      return { ...g, body: { ...g.patch, metadata: { ...meta, ...(rv ? { resourceVersion: rv } : {}) } } };
    });
    for (const g of bodies) for (const i of g.members) outcomes[i]!.patch = g.patch;

    // 2. Dry run everything; one refusal stops the whole request before anything is written.
    let refusal: string | undefined;
    for (const g of bodies) {
      let answer: string;
      try {
        await h.sendJson("PATCH", `${resourcePath(g.at)}?fieldManager=${manager}&dryRun=All`, JSON.stringify(g.body), SMP);
        answer = "ok";
      } catch (err) {
        answer = describeWriteError(err, "patch", g.at, server);
        refusal ??= `dry run of ${ref(g.at)} refused: ${answer}`;
      }
      for (const i of g.members) outcomes[i]!.dryRun = answer;
    }
    if (refusal) return { status: "failed", error: refusal, outcomes };
    if (opts.dryRunOnly) return { status: "applied", outcomes };

    // 3. The patches.
    let landed = 0;
    for (const g of bodies) {
      try {
        const after = await h.sendJson<KubeObject>("PATCH", `${resourcePath(g.at)}?fieldManager=${manager}`, JSON.stringify(g.body), SMP);
        for (const i of g.members) outcomes[i]!.after = after;
        landed++;
      } catch (err) {
        const msg = describeWriteError(err, "patch", g.at, server);
        for (const i of g.members) outcomes[i]!.error = msg;
        const partial = landed > 0;
        return { status: "failed", error: partial ? `${msg} (after ${landed} of ${bodies.length} patches were applied)` : msg, ...(partial ? { partial } : {}), outcomes };
      }
    }
    return { status: "applied", outcomes };
  } finally {
    clearTimeout(timer);
    http?.close();
  }
}
