import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, containerSC, podSC } from "../../helpers/security-context";

// Pod Security Standards (baseline): only an explicit Unconfined is forbidden; an unset profile is
// allowed at this level (the restricted rule seccomp-required covers it).
export const seccompUnconfined = defineRule({
  id: "seccomp-unconfined",
  title: "Seccomp explicitly disabled",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "seccompProfile.type: Unconfined turns off system-call filtering for the pod or container, exposing every kernel system call to a compromised process.",
  remediation: "Use seccompProfile.type: RuntimeDefault (or a Localhost profile) instead of Unconfined.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:seccompProfile_baseline"], cis: ["5.7.2"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (podSC(ref).seccompProfile?.type === "Unconfined") {
        yield {
          object: ref.object,
          path: `${ref.path}.securityContext.seccompProfile.type`,
          observed: "Unconfined",
          message: "The pod sets seccomp profile Unconfined.",
        };
      }
      for (const c of containers(ref)) {
        if (containerSC(c).seccompProfile?.type !== "Unconfined") continue;
        yield {
          object: ref.object,
          path: `${c.path}.securityContext.seccompProfile.type`,
          observed: "Unconfined",
          message: `Container "${containerName(c)}" sets seccomp profile Unconfined.`,
        };
      }
    }
  },
});
