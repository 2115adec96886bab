import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { isWindowsPod, podSC } from "../../helpers/security-context";

export const supplementalgroupsSet = defineRule({
  id: "supplementalgroups-set",
  title: "supplementalGroups not set",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod states no supplementalGroups, so the process's extra group memberships come from the image's /etc/group. Declaring them makes file access predictable. Inventory, not a weakness.",
  remediation: "Set spec.securityContext.supplementalGroups to the non-zero groups the workload needs (and supplementalGroupsPolicy: Strict on 1.31+).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-supplementalgroups-values"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      // Linux-only setting: Windows pods ignore it.
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).supplementalGroups;
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.supplementalGroups`, observed: "unset", message: "The pod sets no supplementalGroups." };
    }
  },
});
