import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, isWindowsPod, podSC, show } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

const VALID = new Set(["RuntimeDefault", "Localhost"]);

// Pod Security Standards (restricted) semantics: a pod-level profile must be RuntimeDefault or
// Localhost, and a container without its own profile needs a valid pod-level one. An explicit
// invalid pod-level value is a violation even when every container overrides it. The legacy
// seccomp annotations are ignored, as the kubelet has ignored them since 1.27. Windows pods are exempt.
export const seccompRequired = defineRule({
  id: "seccomp-required",
  title: "Seccomp profile not set",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Without a RuntimeDefault or Localhost seccomp profile the container runs Unconfined: every system call is reachable, which widens the kernel attack surface for an escape.",
  remediation: "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or a Localhost profile) and remove container-level overrides to Unconfined.",
  references: ["https://kubernetes.io/docs/tutorials/security/seccomp/"],
  peers: { kubescape: ["C-0210"], pss: ["restricted:seccompProfile_restricted"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isWindowsPod(ref.spec)) continue;
      const out: RawFinding[] = [];
      const pod = podSC(ref).seccompProfile;
      const podSet = pod !== undefined && pod !== null;
      const podValid = podSet && VALID.has(pod?.type);
      if (podSet && !podValid) {
        out.push({
          object: ref.object,
          path: `${ref.path}.securityContext.seccompProfile.type`,
          observed: pod?.type ?? "unset",
          message: `The pod seccomp profile is ${pod?.type == null ? "missing its type" : show(pod.type)}, not RuntimeDefault or Localhost.`,
        });
      }
      for (const c of containers(ref)) {
        const p = containerSC(c).seccompProfile;
        if (p !== undefined && p !== null) {
          if (VALID.has(p?.type)) continue;
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.seccompProfile.type`,
            observed: p?.type ?? "unset",
            message: `Container "${containerName(c)}" sets seccomp profile ${p?.type == null ? "without a type" : show(p.type)}.`,
          });
        } else if (!podValid && !podSet) {
          out.push({
            object: ref.object,
            path: `${c.path}.securityContext.seccompProfile`,
            observed: "unset",
            message: `Container "${containerName(c)}" has no seccomp profile (none at pod level either).`,
            fix: mergePatchFix(`${ref.path}.securityContext.seccompProfile.type`, "RuntimeDefault", "Use the runtime's default seccomp profile for the pod"),
          });
        }
      }
      yield* out;
    }
  },
});
