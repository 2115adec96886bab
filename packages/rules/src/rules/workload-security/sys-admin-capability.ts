import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

export const sysAdminCapability = defineRule({
  id: "sys-admin-capability",
  title: "SYS_ADMIN capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "CAP_SYS_ADMIN is the catch-all Linux capability (mount, namespaces, many device and kernel operations); a container holding it can usually break out to the node.",
  remediation: "Remove SYS_ADMIN from securityContext.capabilities.add; find the specific capability or a non-privileged alternative.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0005"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n) => n === "SYS_ADMIN", () => "adds the SYS_ADMIN capability"));
  },
});
