import { defineRule } from "../../helpers/pod";

export const hpaMinEqualsMax = defineRule({
  id: "hpa-min-equals-max",
  title: "HorizontalPodAutoscaler cannot scale",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["HorizontalPodAutoscaler"],
  description:
    "An HPA whose minReplicas equals maxReplicas never scales, so it cannot absorb load spikes; it only hides a fixed replica count behind an autoscaler.",
  remediation: "Raise spec.maxReplicas above spec.minReplicas, or drop the HPA and set replicas on the workload.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { polaris: ["hpaMaxAvailability"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const spec = (hpa as any).spec ?? {};
      if (typeof spec.minReplicas !== "number" || typeof spec.maxReplicas !== "number") continue;
      if (spec.maxReplicas > spec.minReplicas) continue;
      yield {
        object: hpa,
        path: "spec.maxReplicas",
        observed: `${spec.minReplicas}..${spec.maxReplicas}`,
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" has minReplicas ${spec.minReplicas} and maxReplicas ${spec.maxReplicas}, so it cannot scale.`,
      };
    }
  },
});
