import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

const DANGEROUS = new Set(["ALL", "SYS_ADMIN", "NET_ADMIN"]);

export const dangerousCapsAdded = defineRule({
  id: "dangerous-caps-added",
  title: "Dangerous capability added",
  category: "workload-security",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "The container adds ALL, SYS_ADMIN or NET_ADMIN. SYS_ADMIN is close to full root on the node (mounts, namespaces, BPF), NET_ADMIN lets it reconfigure networking and intercept traffic, ALL grants every capability.",
  remediation: "Remove ALL, SYS_ADMIN and NET_ADMIN from securityContext.capabilities.add; grant only narrowly scoped capabilities.",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { polaris: ["dangerousCapabilities"], cis: ["5.2.9"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n) => DANGEROUS.has(n), (n) => `adds the ${n} capability`));
  },
});
