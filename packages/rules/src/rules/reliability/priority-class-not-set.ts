import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const priorityClassNotSet = defineRule({
  id: "priority-class-not-set",
  title: "Pod spec without a priority class",
  category: "reliability",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Without priorityClassName all pods share the default priority, so under resource pressure the scheduler may preempt or the kubelet may evict an important service before a batch job.",
  remediation: "Define PriorityClasses for your service tiers and set priorityClassName on each workload.",
  references: ["https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/"],
  peers: { polaris: ["priorityClassNotSet"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const p = ref.spec.priorityClassName;
      if (typeof p === "string" && p !== "") continue;
      yield { object: ref.object, path: `${ref.path}.priorityClassName`, message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" have no priority class.` };
    }
  },
});
