import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, perContainer, scFix } from "../../helpers/security-context";

export const privilegedContainer = defineRule({
  id: "privileged-container",
  title: "Privileged container",
  category: "workload-security",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description:
    "A privileged container runs with every capability, all host devices and no seccomp or AppArmor confinement; a process in it can take over the node.",
  remediation: "Remove securityContext.privileged (or set it to false) and grant only the specific capabilities the process needs.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["runAsPrivileged"],
    kubeLinter: ["privileged-container"],
    kubescape: ["C-0057"],
    trivy: ["KSV-0017"],
    pss: ["baseline:privileged"],
    cis: ["5.2.2"],
    nsa: ["PS-ENF"],
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (containerSC(c).privileged !== true) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.privileged`,
        observed: true,
        message: `Container "${containerName(c)}" runs privileged.`,
        fix: scFix(c, "privileged: false"),
      };
    });
  },
});
