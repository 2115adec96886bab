import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, perContainer, scFix } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

// Dropping each default runtime capability one by one is equivalent to dropping ALL (Polaris
// accepts either); anything less leaves the process with capabilities it rarely needs.
const DEFAULT_RUNTIME_CAPS = [
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
  "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT", "NET_ADMIN",
];

export const capsDropAll = defineRule({
  id: "caps-drop-all",
  title: "Capabilities not dropped",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "The container keeps the container runtime's default capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...). Drop ALL and add back only what the process needs.",
  remediation: "Set securityContext.capabilities.drop: [ALL] and add back only required capabilities (usually none, sometimes NET_BIND_SERVICE).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { polaris: ["insecureCapabilities"], trivy: ["KSV-0003"], cis: ["5.2.10"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.includes("ALL")) return;
      if (DEFAULT_RUNTIME_CAPS.every((k) => drop.includes(k) || drop.includes(`CAP_${k}`))) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: drop.length ? drop.join(",") : "unset",
        message: `Container "${containerName(c)}" does not drop ALL capabilities.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]"),
      };
    }, LINUX_ONLY);
  },
});
