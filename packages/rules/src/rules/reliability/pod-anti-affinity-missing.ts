import { defineRule, podSpecOf } from "../../helpers/pod";
import { hpasFor, replicasOf } from "../../helpers/reliability";

export const podAntiAffinityMissing = defineRule({
  id: "pod-anti-affinity-missing",
  title: "Replicated workload without pod anti-affinity",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description:
    "Several replicas without podAntiAffinity (or a hostname topology spread) may all land on one node, so a single node failure takes the workload down.",
  remediation: "Add preferred podAntiAffinity on kubernetes.io/hostname matching the pods' labels, or a hostname topologySpreadConstraint.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity"],
  peers: { kubeLinter: ["no-anti-affinity"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const ref = podSpecOf(obj);
        if (!ref) continue;
        const hpa = hpasFor(ctx, obj)[0];
        const replicas = hpa ? Number((hpa as any).spec?.maxReplicas ?? 1) : (replicasOf(obj) ?? 1);
        if (replicas < 2) continue;
        const anti = ref.spec.affinity?.podAntiAffinity;
        const hasAnti =
          anti &&
          ((Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution) && anti.requiredDuringSchedulingIgnoredDuringExecution.length > 0) ||
            (Array.isArray(anti.preferredDuringSchedulingIgnoredDuringExecution) && anti.preferredDuringSchedulingIgnoredDuringExecution.length > 0));
        if (hasAnti) continue;
        const tsc = ref.spec.topologySpreadConstraints;
        if (Array.isArray(tsc) && tsc.some((c: any) => c?.topologyKey === "kubernetes.io/hostname")) continue;
        yield {
          object: obj,
          path: `${ref.path}.affinity.podAntiAffinity`,
          observed: String(replicas),
          message: `${kind} "${obj.metadata.name}" runs ${replicas} replicas with no pod anti-affinity.`,
        };
      }
    }
  },
});
