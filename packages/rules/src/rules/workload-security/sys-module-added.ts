import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

export const sysModuleAdded = defineRule({
  id: "sys-module-added",
  title: "SYS_MODULE capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "CAP_SYS_MODULE lets the process load kernel modules, i.e. run arbitrary code in the node's kernel.",
  remediation: "Remove SYS_MODULE from securityContext.capabilities.add; load kernel modules on the node through its own configuration.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0120"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n) => n === "SYS_MODULE", () => "adds the SYS_MODULE capability"));
  },
});
