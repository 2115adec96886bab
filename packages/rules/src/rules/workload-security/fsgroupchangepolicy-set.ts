import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { isWindowsPod, podSC } from "../../helpers/security-context";

export const fsgroupchangepolicySet = defineRule({
  id: "fsgroupchangepolicy-set",
  title: "fsGroupChangePolicy not set",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Without fsGroupChangePolicy the kubelet re-chowns every file of each volume on every mount (Always), which is slow on large volumes and changes ownership of data other pods may share. OnRootMismatch is usually what you want.",
  remediation: "Set spec.securityContext.fsGroupChangePolicy: OnRootMismatch.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { kubescape: ["C-0211:set-fsgroupchangepolicy-value"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      // Linux-only setting: Windows pods ignore it.
      if (isWindowsPod(ref.spec)) continue;
      const v = podSC(ref).fsGroupChangePolicy;
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) continue;
      yield { object: ref.object, path: `${ref.path}.securityContext.fsGroupChangePolicy`, observed: "unset", message: "The pod sets no fsGroupChangePolicy." };
    }
  },
});
