// Probe lookups shared by the probes rules.
import type { KubeObject, RawFinding, RuleContext } from "../types";
import { containers, podSpecs, type PodSpecRef } from "./pod";

export type ProbeField = "livenessProbe" | "readinessProbe" | "startupProbe";

/**
 * Whether a pod spec belongs to run-to-completion work (Job, CronJob, a Pod run by a Job, or a Pod
 * that never restarts), where long-running health probes do not apply.
 */
export function isBatch(ref: PodSpecRef): boolean {
  const k = ref.object.kind;
  if (k === "Job" || k === "CronJob") return true;
  if (k === "Pod") {
    if ((ref.object.metadata.ownerReferences ?? []).some((o) => o && o.kind === "Job")) return true;
    if (ref.spec?.restartPolicy === "Never" || ref.spec?.restartPolicy === "OnFailure") return true;
  }
  return false;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && typeof v === "object";
}

/** A static pod's API mirror: the kubelet runs it from a file, without ServiceAccount or controller. */
export function isMirrorPod(obj: KubeObject): boolean {
  return obj.kind === "Pod" && typeof obj.metadata.annotations?.["kubernetes.io/config.mirror"] === "string";
}

/** One finding per regular container of a long-running workload without the probe. */
export function* missingProbe(ctx: RuleContext, field: ProbeField, what: string): Iterable<RawFinding> {
  for (const ref of podSpecs(ctx)) {
    if (isBatch(ref)) continue;
    for (const c of containers(ref, { init: false, ephemeral: false })) {
      if (present(c.container[field])) continue;
      yield {
        object: ref.object,
        path: `${c.path}.${field}`,
        message: `Container "${c.container.name ?? "?"}" has no ${what}.`,
      };
    }
  }
}

/** The port a probe handler targets and the handler's field path, if it targets one. */
export function probePort(probe: any): { port: string | number; sub: string } | undefined {
  if (!probe || typeof probe !== "object") return undefined;
  for (const h of ["httpGet", "tcpSocket", "grpc"] as const) {
    const p = probe[h]?.port;
    if (typeof p === "number" || (typeof p === "string" && p !== "")) return { port: p, sub: `${h}.port` };
  }
  return undefined;
}

/**
 * Probes aimed at a port the container does not expose: a named port that no containerPort
 * carries (the probe can never succeed), or a number not among declared containerPorts when the
 * container declares some (usually a stale port after a change).
 */
export function* probePortNotExposed(ctx: RuleContext, field: ProbeField): Iterable<RawFinding> {
  for (const ref of podSpecs(ctx)) {
    for (const c of containers(ref, { ephemeral: false })) {
      const target = probePort(c.container[field]);
      if (!target) continue;
      const ports: any[] = Array.isArray(c.container.ports) ? c.container.ports : [];
      let ok: boolean;
      let port = target.port;
      if (typeof port === "string" && /^\d+$/.test(port)) port = Number(port);
      if (typeof port === "string") ok = ports.some((p) => p && p.name === port);
      else ok = ports.length === 0 || ports.some((p) => p && Number(p.containerPort) === port);
      if (ok) continue;
      yield finding(ref.object, `${c.path}.${field}.${target.sub}`, port, c.container.name, field);
    }
  }
}

function finding(object: KubeObject, path: string, port: string | number, name: unknown, field: ProbeField): RawFinding {
  return {
    object,
    path,
    observed: String(port),
    message: `The ${field} of container "${typeof name === "string" ? name : "?"}" targets port ${JSON.stringify(port)}, which the container does not expose.`,
  };
}
