import { defineRule } from "../../helpers/pod";
import { isMirrorPod } from "../../helpers/probes";

export const nakedPod = defineRule({
  id: "naked-pod",
  title: "Pod without a controller",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["Pod"],
  description:
    "A Pod created directly (no Deployment, StatefulSet, Job, ... owning it) is not rescheduled when its node fails and is often a leftover debug or attacker pod. Static (mirror) pods are exempt.",
  remediation: "Run the workload through a controller (Deployment, StatefulSet, Job) or delete the stray pod.",
  references: ["https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs"],
  peers: { kubescape: ["C-0073"] },
  *evaluate(ctx) {
    for (const pod of ctx.index.byKind("Pod")) {
      if (isMirrorPod(pod)) continue;
      if ((pod.metadata.ownerReferences ?? []).some((o) => o && o.controller === true)) continue;
      yield { object: pod, path: "metadata.ownerReferences", message: `Pod "${pod.metadata.name}" has no controller.` };
    }
  },
});
