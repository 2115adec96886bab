import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { caps, containerName, perContainer, scFix } from "../../helpers/security-context";

// Linux-only setting: Windows pods (spec.os.name windows) ignore it, so they are not judged.
const LINUX_ONLY = { skipWindows: true };

export const netRawNotDropped = defineRule({
  id: "net-raw-not-dropped",
  title: "NET_RAW not dropped",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "Container runtimes grant NET_RAW by default; unless the container drops it (or ALL), a compromised process can craft raw packets to spoof ARP or DNS for other pods on the node.",
  remediation: "Add NET_RAW (or ALL) to securityContext.capabilities.drop.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container"],
  peers: { kubeLinter: ["drop-net-raw-capability"], kubescape: ["C-0211:drop-capability-netraw"], cis: ["5.2.8"], nsa: ["PS-HARD"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const { drop, base } = caps(c);
      if (drop.includes("ALL") || drop.includes("NET_RAW") || drop.includes("CAP_NET_RAW")) return;
      return {
        object: ref.object,
        path: `${base}.drop`,
        observed: drop.length ? drop.join(",") : "unset",
        message: `Container "${containerName(c)}" keeps the NET_RAW capability.`,
        fix: scFix(c, "capabilities:\n  drop: [ALL]"),
      };
    }, LINUX_ONLY);
  },
});
