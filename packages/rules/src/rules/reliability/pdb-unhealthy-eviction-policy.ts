import { defineRule } from "../../helpers/pod";

export const pdbUnhealthyEvictionPolicy = defineRule({
  id: "pdb-unhealthy-eviction-policy",
  title: "PodDisruptionBudget without unhealthyPodEvictionPolicy",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["PodDisruptionBudget"],
  description:
    "By default a PDB also protects pods that are running but not ready, so a crash-looping replica can block node drains indefinitely. unhealthyPodEvictionPolicy: AlwaysAllow lets such pods be evicted.",
  remediation: "Set spec.unhealthyPodEvictionPolicy: AlwaysAllow (GA since Kubernetes 1.31).",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy"],
  peers: { kubeLinter: ["pdb-unhealthy-pod-eviction-policy"] },
  *evaluate(ctx) {
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const p = (pdb as any).spec?.unhealthyPodEvictionPolicy;
      if (typeof p === "string" && p !== "") continue;
      yield {
        object: pdb,
        path: "spec.unhealthyPodEvictionPolicy",
        message: `PodDisruptionBudget "${pdb.metadata.name}" does not set unhealthyPodEvictionPolicy.`,
        fix: { type: "merge-patch", content: '{"spec":{"unhealthyPodEvictionPolicy":"AlwaysAllow"}}' },
      };
    }
  },
});
