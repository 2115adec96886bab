import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, effective, isWindowsPod, perContainer } from "../../helpers/security-context";

export const selinuxOptionsNotSet = defineRule({
  id: "selinux-options-not-set",
  title: "No SELinux options",
  category: "workload-security",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Neither the container nor the pod sets seLinuxOptions, so the runtime's default SELinux label applies (on SELinux nodes) and volumes are not relabelled with a pod-specific MCS level. Hardening inventory.",
  remediation: "On SELinux-enforcing nodes, set seLinuxOptions (for example a per-workload level) in the pod securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container"],
  peers: { kubescape: ["C-0211:set-seLinuxOptions"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (isWindowsPod(ref.spec)) return;
      if (effective(ref, c, "seLinuxOptions").value !== undefined) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.seLinuxOptions`,
        observed: "unset",
        message: `Container "${containerName(c)}" has no SELinux options.`,
      };
    });
  },
});
