import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { isWindowsPod, podSC } from "../../helpers/security-context";

export const fsgroupSet = defineRule({
  id: "fsgroup-set",
  title: "fsGroup not set",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Without spec.securityContext.fsGroup, mounted volumes keep their default ownership, which often means root-owned files that push the workload to run as root to read them.",
  remediation: "Set spec.securityContext.fsGroup to the workload's non-zero group ID.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-fsgroup-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      // Linux-only setting: Windows pods ignore it.
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).fsGroup;
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.fsGroup`, observed: "unset", message: "The pod sets no fsGroup." };
    }
  },
});
