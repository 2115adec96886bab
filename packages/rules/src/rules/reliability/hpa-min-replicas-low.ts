import { defineRule } from "../../helpers/pod";

export const hpaMinReplicasLow = defineRule({
  id: "hpa-min-replicas-low",
  title: "HorizontalPodAutoscaler may scale down to one replica",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["HorizontalPodAutoscaler"],
  description:
    "An HPA with minReplicas 1 scales the workload down to a single pod at quiet times, when any eviction or crash becomes an outage.",
  remediation: "Set spec.minReplicas to at least 2.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { polaris: ["hpaMinAvailability"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const min = (hpa as any).spec?.minReplicas;
      if (typeof min !== "number" || min >= 2) continue;
      yield {
        object: hpa,
        path: "spec.minReplicas",
        observed: String(min),
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" may scale down to ${min} replica(s).`,
        fix: { type: "merge-patch", content: '{"spec":{"minReplicas":2}}' },
      };
    }
  },
});
