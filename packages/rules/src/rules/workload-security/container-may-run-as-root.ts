import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, effective, perContainer } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

// The looser "may run as root" reading (Polaris runAsRootAllowed, Kubescape C-0013): a container is
// fine when its effective runAsNonRoot is true or its effective runAsUser is a non-zero UID.
export const containerMayRunAsRoot = defineRule({
  id: "container-may-run-as-root",
  title: "Container may run as root",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "The container neither requires a non-root user (runAsNonRoot: true) nor sets a non-zero runAsUser, at container or pod level, so it runs as root whenever its image does.",
  remediation: "Set runAsNonRoot: true, or a non-zero runAsUser, in the pod or container securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: {
    polaris: ["runAsRootAllowed"],
    kubescape: ["C-0013"],
    nsa: ["PS-NR"],
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const nonRoot = effective(ref, c, "runAsNonRoot");
      if (nonRoot.value === true) return;
      const user = effective(ref, c, "runAsUser");
      if (typeof user.value === "number" && user.value > 0) return;
      return {
        object: ref.object,
        path: nonRoot.level === "container" || nonRoot.level === "pod" ? nonRoot.path : `${c.path}.securityContext.runAsNonRoot`,
        observed: nonRoot.value === undefined ? (user.value === 0 ? "runAsUser: 0" : "unset") : nonRoot.value,
        message: `Container "${containerName(c)}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies.`,
      };
    }, LINUX_ONLY);
  },
});
