import { defineRule } from "../../helpers/pod";
import { pdbsFor } from "../../helpers/reliability";

export const pdbMissing = defineRule({
  id: "pdb-missing",
  title: "Workload not covered by a PodDisruptionBudget",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["PodDisruptionBudget"],
  description:
    "Without a PodDisruptionBudget selecting its pods, a node drain or cluster upgrade may evict all replicas of a workload at once.",
  remediation: "Create a PodDisruptionBudget in the same namespace whose selector matches the pod template labels (e.g. maxUnavailable: 1).",
  references: ["https://kubernetes.io/docs/tasks/run-application/configure-pdb/"],
  peers: { polaris: ["missingPodDisruptionBudget"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        if ((obj as any).spec?.replicas === 0) continue;
        if (pdbsFor(ctx, obj).length > 0) continue;
        yield {
          object: obj,
          path: "spec.template.metadata.labels",
          message: `No PodDisruptionBudget selects the pods of ${kind} "${obj.metadata.name}".`,
          fix: {
            type: "yaml",
            content: `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${obj.metadata.name}\n${obj.metadata.namespace ? `  namespace: ${obj.metadata.namespace}\n` : ""}spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: # the pod template's labels\n`,
          },
        };
      }
    }
  },
});
