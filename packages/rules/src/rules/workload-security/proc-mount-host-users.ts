import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, perContainer, show } from "../../helpers/security-context";

// Pod Security Standards baseline (policy 1.35+): Unmasked /proc is tolerated when the pod runs in
// its own user namespace (hostUsers: false), where /proc writes cannot reach host settings.
export const procMountHostUsers = defineRule({
  id: "proc-mount-host-users",
  title: "Unmasked /proc in the host user namespace",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A container mounts /proc Unmasked while the pod shares the host user namespace, so root in the container can read and write the kernel settings the runtime normally masks.",
  remediation: "Remove securityContext.procMount (or set Default), or run the pod with hostUsers: false.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:procMount"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      if (ref.spec.hostUsers === false) return;
      const v = containerSC(c).procMount;
      if (v === undefined || v === null || v === "" || v === "Default") return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.procMount`,
        observed: v,
        message: `Container "${containerName(c)}" mounts /proc with procMount ${show(v)} without a pod user namespace.`,
      };
    });
  },
});
