import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

const BASELINE_CAPS = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
  "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

export const capsAddedBeyondBaseline = defineRule({
  id: "caps-added-beyond-baseline",
  title: "Capability outside the Pod Security baseline added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "The Pod Security Standards baseline allows adding only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT; anything else (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ...) breaks the baseline. Names are compared as written, as Pod Security admission does (\"chown\" or \"CAP_CHOWN\" are not on the list).",
  remediation: "Remove capabilities outside the baseline set from securityContext.capabilities.add.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { pss: ["baseline:capabilities_baseline"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n) => !BASELINE_CAPS.has(n), (n) => `adds ${n}, which is outside the Pod Security baseline set`, { exact: true }));
  },
});
