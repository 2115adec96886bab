import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { mergePatchFix } from "../../helpers/merge-patch";
import { containerName, effective, perContainer, scFix, show } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

// High UIDs avoid colliding with UIDs that own files on the node, should a container escape.
export const uidAbove10000 = defineRule({
  id: "uid-above-10000",
  title: "runAsUser is not above 10000",
  category: "workload-security",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "The effective runAsUser (container, else pod) is unset or at most 10000. UIDs up to 10000 commonly match real users and groups on the host, so an escaped process would act as one of them.",
  remediation: "Set runAsUser to a value above 10000 (for example 10001) in the pod or container securityContext.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: { trivy: ["KSV-0020"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const e = effective(ref, c, "runAsUser");
      if (typeof e.value === "number" && e.value > 10000) return;
      return {
        object: ref.object,
        path: e.path,
        observed: e.value === undefined ? "unset" : e.value,
        message: `Container "${containerName(c)}" runs with runAsUser ${e.value === undefined ? "unset" : show(e.value)}, not above 10000.`,
        // A pod-level value is one finding for every container that inherits it: fix it where it is set.
        fix: (e.level === "pod" ? mergePatchFix(e.path, 10001, "Set at pod level, for every container that inherits it") : undefined) ?? scFix(c, "runAsUser: 10001"),
      };
    }, LINUX_ONLY);
  },
});
