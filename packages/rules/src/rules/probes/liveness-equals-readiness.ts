import { containers, defineRule, podSpecs } from "../../helpers/pod";
import { isBatch } from "../../helpers/probes";

// Order-insensitive structural equality for small JSON values (probe specs).
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!same((a as any)[k], (b as any)[k])) return false;
  return true;
}

export const livenessEqualsReadiness = defineRule({
  id: "liveness-equals-readiness",
  title: "Liveness probe identical to readiness probe",
  category: "probes",
  severity: "info",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"],
  description:
    "When liveness and readiness probes are the same check, a pod that is merely busy (not ready) is also killed and restarted, turning load spikes into restart storms.",
  remediation: "Make the livenessProbe a cheaper, more tolerant check (or give it a higher failureThreshold) than the readinessProbe.",
  references: ["https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/"],
  peers: {},
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isBatch(ref)) continue;
      for (const c of containers(ref, { init: false, ephemeral: false })) {
        const l = c.container.livenessProbe;
        const r = c.container.readinessProbe;
        if (!l || !r || typeof l !== "object" || typeof r !== "object") continue;
        if (!same(l, r)) continue;
        yield {
          object: ref.object,
          path: `${c.path}.livenessProbe`,
          message: `Container "${c.container.name ?? "?"}" uses the same check for liveness and readiness.`,
        };
      }
    }
  },
});
