import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

export const capabilitiesAdded = defineRule({
  id: "capabilities-added",
  title: "Capabilities added",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "The container adds Linux capabilities beyond the runtime's default set. Each added capability widens what a compromised process can do; review that every one is needed.",
  remediation: "Remove entries from securityContext.capabilities.add that the process does not strictly need.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0022"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, () => true, (n) => `adds the ${n} capability`));
  },
});
