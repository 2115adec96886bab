import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { probePortNotExposed } from "../../helpers/probes";

export const readinessPortNotExposed = defineRule({
  id: "readiness-port-not-exposed",
  title: "Readiness probe targets a port the container does not expose",
  category: "probes",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "A readinessProbe aimed at a named port no containerPort carries can never succeed, and a number absent from the declared containerPorts is usually a port left behind by a change. Either way the probe checks the wrong thing.",
  remediation: "Point readinessProbe at a port listed in the container's ports (by name or number).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { kubeLinter: ["readiness-port"] },
  evaluate: (ctx) => probePortNotExposed(ctx, "readinessProbe"),
});
