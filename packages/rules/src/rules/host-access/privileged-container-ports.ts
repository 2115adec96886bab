import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, perContainer } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

export const privilegedContainerPorts = defineRule({
  id: "privileged-container-ports",
  title: "Container listens on a privileged port",
  category: "host-access",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "A containerPort below 1024 usually means the process binds it as root or with NET_BIND_SERVICE. Listening on an unprivileged port and mapping it in the Service lets the container drop both.",
  remediation: "Listen on a port >= 1024 in the container and map the public port in the Service (port: 80, targetPort: 8080).",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service"],
  peers: { kubeLinter: ["privileged-ports"], trivy: ["KSV-0117"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) return;
      const out: RawFinding[] = [];
      ports.forEach((p: any, i: number) => {
        const n = Number(p?.containerPort);
        if (!Number.isInteger(n) || n <= 0 || n >= 1024) return;
        out.push({
          object: ref.object,
          path: `${c.path}.ports[${i}].containerPort`,
          observed: n,
          message: `Container "${containerName(c)}" listens on privileged port ${n}.`,
        });
      });
      return out;
    });
  },
});
