import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, containerSC, perContainer, scFix } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

export const readOnlyRootFs = defineRule({
  id: "read-only-root-fs",
  title: "Root filesystem is writable",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "Without readOnlyRootFilesystem: true an attacker who gets code execution can modify binaries and drop tools in the container's filesystem.",
  remediation: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the process must write (e.g. /tmp).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"],
  peers: {
    polaris: ["notReadOnlyRootFilesystem"],
    kubeLinter: ["no-read-only-root-fs"],
    kubescape: ["C-0017"],
    trivy: ["KSV-0014"],
    cis: ["5.7.3"],
    nsa: ["PS-IMM"],
  },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const v = containerSC(c).readOnlyRootFilesystem;
      if (v === true) return;
      return {
        object: ref.object,
        path: `${c.path}.securityContext.readOnlyRootFilesystem`,
        observed: v === undefined ? "unset" : v,
        message: `Container "${containerName(c)}" has a writable root filesystem.`,
        fix: scFix(c, "readOnlyRootFilesystem: true"),
      };
    }, LINUX_ONLY);
  },
});
