import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, perContainer, scFix } from "../../helpers/security-context";

export const allowPrivilegeEscalation = defineRule({
  id: "allow-privilege-escalation",
  title: "Privilege escalation not disabled",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Unless allowPrivilegeEscalation is explicitly false, a process can gain more privileges than its parent (setuid binaries, file capabilities), because no_new_privs is not set. Windows pods are exempt, as in the Pod Security Standards.",
  remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    polaris: ["privilegeEscalationAllowed"],
    kubescape: ["C-0016"],
    trivy: ["KSV-0001"],
    pss: ["restricted:allowPrivilegeEscalation"],
    cis: ["5.2.6"],
    nsa: ["PS-ENF"],
  },
  *evaluate(ctx) {
    yield* perContainer(
      ctx,
      (ref, c) => {
        const v = containerSC(c).allowPrivilegeEscalation;
        if (v === false) return;
        return {
          object: ref.object,
          path: `${c.path}.securityContext.allowPrivilegeEscalation`,
          observed: v === undefined ? "unset" : v,
          message: `Container "${containerName(c)}" does not set allowPrivilegeEscalation: false.`,
          fix: scFix(c, "allowPrivilegeEscalation: false"),
        };
      },
      { skipWindows: true },
    );
  },
});
