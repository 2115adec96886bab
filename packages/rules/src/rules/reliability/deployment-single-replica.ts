import { mergePatchFix } from "../../helpers/merge-patch";
import { defineRule } from "../../helpers/pod";
import { hpasFor, replicasOf } from "../../helpers/reliability";

export const deploymentSingleReplica = defineRule({
  id: "deployment-single-replica",
  title: "Deployment or StatefulSet runs a single replica",
  category: "reliability",
  severity: "low",
  profile: "strict",
  kinds: ["Deployment", "StatefulSet"],
  requiresKinds: ["HorizontalPodAutoscaler"],
  description:
    "With one replica (or replicas unset, which means one) every node drain, eviction or crash is an outage. Workloads scaled by an HPA are judged by the HPA rules instead; replicas: 0 is taken as deliberately scaled down.",
  remediation: "Run at least 2 replicas (3 for quorum-based systems), spread across nodes.",
  references: ["https://kubernetes.io/docs/concepts/workloads/controllers/deployment/"],
  peers: { polaris: ["deploymentMissingReplicas"] },
  *evaluate(ctx) {
    for (const kind of ["Deployment", "StatefulSet"]) {
      for (const obj of ctx.index.byKind(kind)) {
        const r = replicasOf(obj);
        if (r === 0 || (r !== undefined && r >= 2)) continue;
        if (hpasFor(ctx, obj).length > 0) continue;
        const fix = mergePatchFix("spec.replicas", 2);
        yield {
          object: obj,
          path: "spec.replicas",
          observed: r === undefined ? "<unset>" : String(r),
          message: `${kind} "${obj.metadata.name}" runs ${r === undefined ? "one replica (replicas unset)" : "one replica"}.`,
          ...(fix ? { fix } : {}),
        };
      }
    }
  },
});
