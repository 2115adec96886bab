import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, perContainer, show } from "../../helpers/security-context";

// The strict reading (restricted level, Polaris, Trivy): any procMount other than Default, even in
// a user-namespaced pod. proc-mount-host-users is the baseline reading.
export const procMountUnmasked = defineRule({
  id: "proc-mount-unmasked",
  title: "Unmasked /proc",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "procMount other than Default (i.e. Unmasked) exposes the /proc paths the runtime normally masks, such as /proc/kcore and /proc/sys writes, which leak host information or allow kernel tuning.",
  remediation: "Remove securityContext.procMount or set it to Default.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: {
    polaris: ["procMount"],
    kubeLinter: ["unsafe-proc-mount"],
    trivy: ["KSV-0027"],
    pss: ["restricted:procMount_restricted"],
    nsa: ["PS-HARD"],
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const v = containerSC(c).procMount;
      if (v === undefined || v === null || v === "" || v === "Default") return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.procMount`,
        observed: v,
        message: `Container "${containerName(c)}" mounts /proc with procMount ${show(v)}.`,
      };
    });
  },
});
