import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, perContainer, show } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

export const hostPort = defineRule({
  id: "host-port",
  title: "Container binds a host port",
  category: "host-access",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "A hostPort exposes the container directly on the node's IP, bypassing Services and usually NetworkPolicy, and limits scheduling to one such pod per node.",
  remediation: "Remove ports[].hostPort and expose the workload through a Service (NodePort or LoadBalancer if it must be reachable from outside).",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { polaris: ["hostPortSet"], kubescape: ["C-0044"], trivy: ["KSV-0024"], pss: ["baseline:hostPorts"], cis: ["5.2.13"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) return;
      const out: RawFinding[] = [];
      ports.forEach((p: any, i: number) => {
        const hp = p?.hostPort;
        if (hp === undefined || hp === null || hp === 0 || hp === "0") return;
        out.push({
          object: ref.object,
          path: `${c.path}.ports[${i}].hostPort`,
          observed: hp,
          message: `Container "${containerName(c)}" binds host port ${show(hp)}.`,
        });
      });
      return out;
    });
  },
});
