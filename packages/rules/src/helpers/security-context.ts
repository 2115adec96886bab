// Security-context helpers for the workload-security and host-access rules: effective values
// (container over pod), capability lists, and the one-finding-per-container loop.
import type { Fix, RawFinding, RuleContext } from "../types";
import { containers, podSpecs, type ContainerRef, type PodSpecRef } from "./pod";

/** Windows pods (spec.os.name windows) are exempt from the Linux-only restricted PSS controls. */
export function isWindowsPod(spec: any): boolean {
  return spec?.os?.name === "windows";
}

// Shared (frozen) stand-in for an absent securityContext: dozens of rules ask for it per
// container, and a fresh {} each time is pure garbage-collector load on large clusters.
const NO_SC: Record<string, any> = Object.freeze({});

export function podSC(ref: PodSpecRef): Record<string, any> {
  const s = ref.spec?.securityContext;
  return s && typeof s === "object" ? s : NO_SC;
}

export function containerSC(c: ContainerRef): Record<string, any> {
  const s = c.container?.securityContext;
  return s && typeof s === "object" ? s : NO_SC;
}

/** Container value if set, else the pod-level value, with the path where it was found. */
export function effective(
  ref: PodSpecRef,
  c: ContainerRef,
  field: string,
): { value: any; path: string; level: "container" | "pod" | "none" } {
  const cv = containerSC(c)[field];
  if (cv !== undefined && cv !== null) return { value: cv, path: `${c.path}.securityContext.${field}`, level: "container" };
  const pv = podSC(ref)[field];
  if (pv !== undefined && pv !== null) return { value: pv, path: `${ref.path}.securityContext.${field}`, level: "pod" };
  return { value: undefined, path: `${c.path}.securityContext.${field}`, level: "none" };
}

export function upperList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string").map((x: string) => x.toUpperCase()) : [];
}

export function containerName(c: ContainerRef): string {
  return typeof c.container?.name === "string" ? c.container.name : "?";
}

export type ContainerCheck = (ref: PodSpecRef, c: ContainerRef) => RawFinding | RawFinding[] | undefined | void;

/** Runs a check on every container of every pod spec, collecting its findings. */
export function perContainer(
  ctx: RuleContext,
  check: ContainerCheck,
  opts?: { init?: boolean; ephemeral?: boolean; skipWindows?: boolean },
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const ref of podSpecs(ctx)) {
    if (opts?.skipWindows && isWindowsPod(ref.spec)) continue;
    for (const c of containers(ref, opts)) {
      const r = check(ref, c);
      if (!r) continue;
      if (Array.isArray(r)) for (const f of r) out.push(f);
      else out.push(r);
    }
  }
  return out;
}

// Container paths repeat across workloads ("spec.template.spec.containers[0]"): build each
// snippet once.
const fixCache = new Map<string, Fix>();

/** A hand-applied YAML snippet for the container's securityContext. */
export function scFix(c: ContainerRef, body: string, description?: string): Fix {
  const key = `${c.path}\u0000${body}\u0000${description ?? ""}`;
  const hit = fixCache.get(key);
  if (hit) return hit;
  const content = `# ${c.path}\nsecurityContext:\n${body
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n")}\n`;
  const fix: Fix = Object.freeze({ type: "yaml", content, ...(description ? { description } : {}) });
  if (fixCache.size < 2000) fixCache.set(key, fix);
  return fix;
}

/** Every volume of the pod spec with its path. */
export function* volumes(ref: PodSpecRef): Iterable<{ volume: any; path: string; index: number }> {
  const vs = ref.spec?.volumes;
  if (!Array.isArray(vs)) return;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v && typeof v === "object") yield { volume: v, path: `${ref.path}.volumes[${i}]`, index: i };
  }
}

/** capabilities.add / .drop of a container, upper-cased (Linux capability names are case-insensitive in practice). */
export interface Caps {
  readonly add: readonly string[];
  readonly drop: readonly string[];
  readonly addRaw: readonly unknown[];
  readonly base: string;
}

// A dozen capability rules read the same container's lists: compute them once per container ref
// (refs are cached per evaluation, so this memo lives as long as the evaluation).
export function caps(c: ContainerRef): Caps {
  const hit = c._caps as Caps | undefined;
  if (hit) return hit;
  const cap = containerSC(c).capabilities;
  const add = Array.isArray(cap?.add) ? cap.add : [];
  const drop = Array.isArray(cap?.drop) ? cap.drop : [];
  const out: Caps = {
    add: upperList(add),
    drop: upperList(drop),
    addRaw: add,
    base: `${c.path}.securityContext.capabilities`,
  };
  c._caps = out;
  return out;
}

/**
 * One finding per added capability that `bad` selects (name compared upper-cased, CAP_ prefix
 * ignored), with the exact list index as the path.
 */
export function addedCapFindings(
  ref: PodSpecRef,
  c: ContainerRef,
  bad: (name: string) => boolean,
  describe: (name: string) => string,
  opts?: { exact?: boolean },
): RawFinding[] {
  const { add, addRaw, base } = caps(c);
  const out: RawFinding[] = [];
  if (add.length === 0 && addRaw.length === 0) return out;
  // exact: compare the spelling as written (Pod Security admission does; "chown" and "CAP_CHOWN"
  // are not on its allow list even though runtimes normalize them).
  const names = opts?.exact ? addRaw.map((x) => (typeof x === "string" ? x : "")) : add;
  names.forEach((raw, i) => {
    const name = opts?.exact ? raw : raw.startsWith("CAP_") ? raw.slice(4) : raw;
    if (!bad(name)) return;
    out.push({
      object: ref.object,
      path: `${base}.add[${i}]`,
      observed: raw,
      message: `Container "${containerName(c)}" ${describe(name)}.`,
    });
  });
  return out;
}

/** A hostPath path with duplicate and trailing slashes removed ("/" stays "/"). */
export function normalizeHostPath(p: unknown): string {
  if (typeof p !== "string") return "";
  const s = p.replace(/\/+/g, "/");
  return s.length > 1 ? s.replace(/\/$/, "") : s;
}

/** True when `dir` is `target` or one of its parent directories. */
export function coversPath(dir: string, target: string): boolean {
  if (dir === "/") return true;
  return target === dir || target.startsWith(`${dir}/`);
}

export interface HostPathVolume {
  volume: any;
  path: string;
  hostPath: string;
  name: string;
}

// Five host-access rules read the same list; pod spec refs are cached per evaluation.
const hostPathCache = new WeakMap<PodSpecRef, readonly HostPathVolume[]>();
const NO_HOST_PATHS: readonly HostPathVolume[] = Object.freeze([]);

/** hostPath volumes of a pod spec with their normalized path. */
export function hostPathVolumes(ref: PodSpecRef): Iterable<HostPathVolume> {
  const hit = hostPathCache.get(ref);
  if (hit) return hit;
  let out: HostPathVolume[] | undefined;
  const vs = ref.spec?.volumes;
  if (Array.isArray(vs)) {
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      if (!v || typeof v !== "object" || !v.hostPath || typeof v.hostPath !== "object") continue;
      (out ??= []).push({ volume: v, path: `${ref.path}.volumes[${i}]`, hostPath: normalizeHostPath(v.hostPath.path), name: show(v.name ?? "") });
    }
  }
  const list = out ?? NO_HOST_PATHS;
  hostPathCache.set(ref, list);
  return list;
}

/** A field value for a message: never throws (manifests can hold any shape), kept short. */
export function show(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = v;
  else if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) s = String(v);
  else {
    try {
      s = JSON.stringify(v) ?? typeof v;
    } catch {
      s = typeof v;
    }
  }
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
