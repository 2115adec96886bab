import { podSpecOf } from "../helpers/pod";
import type { KubeObject } from "../types";
import { pathText } from "./edits";
import type { FixEdit } from "./types";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A copy of `object` with `edits` applied in order (never mutates its input). */
export function applyEdits(object: KubeObject, edits: readonly FixEdit[]): KubeObject {
  const out = structuredClone(object) as KubeObject;
  for (const edit of edits) {
    const { path } = edit;
    if (path.length === 0) throw new Error("a fix edit needs a field path");
    let node: unknown = out;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i]!;
      const nextSeg = path[i + 1]!;
      const container = node as Record<string | number, unknown>;
      let next = Array.isArray(node) ? (typeof seg === "number" ? node[seg] : undefined) : isPlainObject(node) && typeof seg === "string" ? node[seg] : undefined;
      if (next === undefined || next === null) {
        if ("remove" in edit) return out; // nothing to remove
        if (typeof nextSeg === "number" || Array.isArray(node)) throw new Error(`${pathText(path.slice(0, i + 2))} does not exist`);
        next = {};
        container[seg] = next;
      }
      if (typeof next !== "object") throw new Error(`${pathText(path.slice(0, i + 1))} is not a map (it holds ${JSON.stringify(next)})`);
      node = next;
    }
    const last = path[path.length - 1]!;
    if (Array.isArray(node)) {
      if (typeof last !== "number" || last < 0 || last > node.length) throw new Error(`${pathText(path)} is not an item of the list`);
      if ("remove" in edit) {
        if (last < node.length) node.splice(last, 1);
      } else node[last] = structuredClone(edit.value);
      continue;
    }
    if (!isPlainObject(node) || typeof last !== "string") throw new Error(`${pathText(path)} does not exist`);
    if ("remove" in edit) delete node[last];
    else node[last] = structuredClone(edit.value);
  }
  return out;
}

const SYS_ADMIN = new Set(["SYS_ADMIN", "CAP_SYS_ADMIN", "ALL"]);

function asInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) ? v : undefined;
}

/** Checks of one securityContext (pod or container level) that stand on their own. */
function checkSeccomp(sc: Record<string, unknown>, at: string, problems: string[]): void {
  const sp = sc.seccompProfile;
  if (!isPlainObject(sp)) return;
  const types = ["RuntimeDefault", "Localhost", "Unconfined"];
  if (!types.includes(sp.type as string)) problems.push(`${at}.seccompProfile.type must be one of ${types.join(", ")}`);
  if (sp.type === "Localhost" && (typeof sp.localhostProfile !== "string" || sp.localhostProfile === "")) {
    problems.push(`${at}.seccompProfile.localhostProfile is required when type is Localhost`);
  }
  if (sp.type !== "Localhost" && sp.localhostProfile !== undefined) problems.push(`${at}.seccompProfile.localhostProfile may be set only when type is Localhost`);
}

function checkIds(sc: Record<string, unknown>, at: string, problems: string[]): void {
  for (const f of ["runAsUser", "runAsGroup", "fsGroup"]) {
    if (sc[f] !== undefined && sc[f] !== null && (asInt(sc[f]) === undefined || (sc[f] as number) < 0)) problems.push(`${at}.${f} must be a non-negative integer`);
  }
  if (sc.runAsNonRoot !== undefined && typeof sc.runAsNonRoot !== "boolean") problems.push(`${at}.runAsNonRoot must be true or false`);
}

/**
 * What the API server (or the kubelet, at start) would reject in a fixed object, e.g.
 * allowPrivilegeEscalation: false on a privileged container or one adding CAP_SYS_ADMIN. Empty when valid.
 */
export function validateFixedObject(object: KubeObject): string[] {
  const problems: string[] = [];
  const o = object as Record<string, any>;
  const ref = podSpecOf(object);
  if (ref && isPlainObject(ref.spec)) {
    const spec = ref.spec as Record<string, any>;
    const podSc: Record<string, unknown> = isPlainObject(spec.securityContext) ? spec.securityContext : {};
    checkSeccomp(podSc, `${ref.path}.securityContext`, problems);
    checkIds(podSc, `${ref.path}.securityContext`, problems);
    if (spec.hostUsers === false) {
      for (const ns of ["hostNetwork", "hostPID", "hostIPC"]) if (spec[ns] === true) problems.push(`${ref.path}: hostUsers: false is not allowed with ${ns}: true`);
    }
    for (const field of ["containers", "initContainers", "ephemeralContainers"]) {
      const list = spec[field];
      if (!Array.isArray(list)) continue;
      list.forEach((c: any, i: number) => {
        if (!isPlainObject(c)) return;
        const at = `${ref.path}.${field}[${i}]`;
        const name = typeof c.name === "string" ? c.name : String(i);
        const sc: Record<string, any> = isPlainObject(c.securityContext) ? c.securityContext : {};
        checkSeccomp(sc, `${at}.securityContext`, problems);
        checkIds(sc, `${at}.securityContext`, problems);
        if (sc.privileged !== undefined && typeof sc.privileged !== "boolean") problems.push(`${at}.securityContext.privileged must be true or false`);
        const caps = isPlainObject(sc.capabilities) ? sc.capabilities : {};
        for (const k of ["add", "drop"]) {
          if (caps[k] !== undefined && (!Array.isArray(caps[k]) || caps[k].some((x: unknown) => typeof x !== "string"))) problems.push(`${at}.securityContext.capabilities.${k} must be a list of capability names`);
        }
        if (sc.allowPrivilegeEscalation === false) {
          // pkg/apis/core/validation: AllowPrivilegeEscalation false is refused with privileged or CAP_SYS_ADMIN.
          if (sc.privileged === true) problems.push(`container "${name}": allowPrivilegeEscalation: false is not allowed with privileged: true`);
          const added = Array.isArray(caps.add) ? caps.add.filter((x: unknown) => typeof x === "string").map((x: string) => x.toUpperCase()) : [];
          if (added.some((x: string) => SYS_ADMIN.has(x))) problems.push(`container "${name}": allowPrivilegeEscalation: false is not allowed with CAP_SYS_ADMIN added`);
        }
        // The kubelet refuses to start a container that must run as non-root with UID 0.
        const nonRoot = typeof sc.runAsNonRoot === "boolean" ? sc.runAsNonRoot : podSc.runAsNonRoot;
        const uid = sc.runAsUser ?? podSc.runAsUser;
        if (nonRoot === true && uid === 0) problems.push(`container "${name}": runAsNonRoot: true with runAsUser: 0 (the kubelet refuses to start it)`);
      });
    }
  }
  const spec = isPlainObject(o.spec) ? (o.spec as Record<string, unknown>) : undefined;
  if (spec) {
    for (const f of ["replicas", "minReplicas", "maxReplicas", "ttlSecondsAfterFinished"]) {
      if (spec[f] !== undefined && spec[f] !== null && (asInt(spec[f]) === undefined || (spec[f] as number) < 0)) problems.push(`spec.${f} must be a non-negative integer`);
    }
    if (o.kind === "HorizontalPodAutoscaler") {
      const min = asInt(spec.minReplicas) ?? 1;
      const max = asInt(spec.maxReplicas);
      if (max !== undefined && min > max) problems.push(`spec.minReplicas (${min}) must not exceed spec.maxReplicas (${max})`);
    }
    if (o.kind === "PodDisruptionBudget") {
      if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) problems.push("spec.minAvailable and spec.maxUnavailable cannot both be set");
      if (spec.unhealthyPodEvictionPolicy !== undefined && !["IfHealthyBudget", "AlwaysAllow"].includes(spec.unhealthyPodEvictionPolicy as string)) {
        problems.push("spec.unhealthyPodEvictionPolicy must be IfHealthyBudget or AlwaysAllow");
      }
    }
  }
  const labels = o.metadata?.labels;
  if (isPlainObject(labels)) {
    for (const [k, v] of Object.entries(labels)) {
      if (typeof v !== "string" || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v) || v.length > 63) problems.push(`metadata.labels[${JSON.stringify(k)}] is not a valid label value`);
    }
  }
  return problems;
}
