import { defineRule } from "../../helpers/pod";
import { findNamed } from "../../helpers/selectors";

export const hpaTargetNotFound = defineRule({
  id: "hpa-target-not-found",
  title: "HorizontalPodAutoscaler targets a missing workload",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["HorizontalPodAutoscaler"],
  requiresKinds: ["Deployment", "StatefulSet", "ReplicaSet"],
  description:
    "An HPA whose scaleTargetRef names no existing workload does nothing: the workload it was meant to protect (often renamed) runs without autoscaling.",
  remediation: "Point scaleTargetRef at the workload's current kind and name, or delete the stale HPA.",
  references: ["https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/"],
  peers: { kubeLinter: ["dangling-horizontalpodautoscaler"], kubescape: ["C-0300"] },
  *evaluate(ctx) {
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const t = (hpa as any).spec?.scaleTargetRef;
      if (!t || typeof t.kind !== "string" || typeof t.name !== "string") continue;
      // On a partial manifest set only judge targets whose kind the set carries at all.
      if (!ctx.snapshot.kindsComplete && ctx.index.byKind(t.kind).length === 0) continue;
      if (ctx.snapshot.kindsComplete && !["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"].includes(t.kind)) continue;
      if (findNamed(ctx, t.kind, hpa.metadata.namespace, t.name)) continue;
      yield {
        object: hpa,
        path: "spec.scaleTargetRef.name",
        observed: `${t.kind}/${t.name}`,
        message: `HorizontalPodAutoscaler "${hpa.metadata.name}" targets ${t.kind} "${t.name}", which does not exist.`,
      };
    }
  },
});
