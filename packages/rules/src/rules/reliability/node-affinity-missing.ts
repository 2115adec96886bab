import { defineRule, podSpecs } from "../../helpers/pod";

export const nodeAffinityMissing = defineRule({
  id: "node-affinity-missing",
  title: "Workload without node affinity or node selector",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: ["Pod", "Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"],
  description:
    "Pods with no nodeAffinity or nodeSelector can land on any node, including nodes meant for other tenants, GPUs or the control plane's neighbours. Placing workloads deliberately keeps noisy or sensitive workloads apart. DaemonSets are exempt.",
  remediation: "Add spec.affinity.nodeAffinity (or a nodeSelector) targeting the node pool meant for the workload.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/"],
  peers: { kubeLinter: ["no-node-affinity"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.kind === "DaemonSet") continue;
      const na = ref.spec.affinity?.nodeAffinity;
      if (na && typeof na === "object" && Object.keys(na).length > 0) continue;
      const sel = ref.spec.nodeSelector;
      if (sel && typeof sel === "object" && Object.keys(sel).length > 0) continue;
      if (typeof ref.spec.nodeName === "string" && ref.spec.nodeName !== "") continue;
      yield {
        object: ref.object,
        path: `${ref.path}.affinity.nodeAffinity`,
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" may be scheduled on any node.`,
      };
    }
  },
});
