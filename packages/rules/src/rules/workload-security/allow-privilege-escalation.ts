import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, containerSC, perContainer, scFix } from "../../helpers/security-context";

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
        const sc = containerSC(c);
        const v = sc.allowPrivilegeEscalation;
        if (v === false) return;
        // The API server refuses allowPrivilegeEscalation: false beside privileged: true or an added
        // CAP_SYS_ADMIN (both imply escalation), so the fix must take those away first.
        const privileged = sc.privileged === true;
        const sysAdmin = caps(c).add.some((x) => x === "SYS_ADMIN" || x === "CAP_SYS_ADMIN" || x === "ALL");
        const fix = privileged
          ? scFix(c, "privileged: false\nallowPrivilegeEscalation: false", "privileged: true implies privilege escalation; the API server accepts allowPrivilegeEscalation: false only without it.")
          : sysAdmin
            ? scFix(c, "capabilities:\n  drop: [ALL]   # and remove SYS_ADMIN from capabilities.add\nallowPrivilegeEscalation: false", "CAP_SYS_ADMIN implies privilege escalation; the API server accepts allowPrivilegeEscalation: false only without it.")
            : scFix(c, "allowPrivilegeEscalation: false");
        return {
          object: ref.object,
          path: `${c.path}.securityContext.allowPrivilegeEscalation`,
          observed: v === undefined ? "unset" : v,
          message: privileged
            ? `Container "${containerName(c)}" is privileged, which always allows privilege escalation.`
            : `Container "${containerName(c)}" does not set allowPrivilegeEscalation: false.`,
          fix,
        };
      },
      { skipWindows: true },
    );
  },
});
