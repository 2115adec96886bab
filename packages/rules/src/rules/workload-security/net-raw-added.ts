import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { addedCapFindings, perContainer } from "../../helpers/security-context";

export const netRawAdded = defineRule({
  id: "net-raw-added",
  title: "NET_RAW capability added",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "CAP_NET_RAW allows raw and packet sockets, which enable ARP and DNS spoofing against other pods on the node.",
  remediation: "Remove NET_RAW from securityContext.capabilities.add (ping works without it on current kernels via ping_group_range).",
  references: ["https://man7.org/linux/man-pages/man7/capabilities.7.html"],
  peers: { trivy: ["KSV-0119"], cis: ["5.2.8"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => addedCapFindings(ref, c, (n) => n === "NET_RAW", () => "adds the NET_RAW capability"));
  },
});
