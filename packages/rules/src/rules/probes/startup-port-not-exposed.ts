import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { probePortNotExposed } from "../../helpers/probes";

export const startupPortNotExposed = defineRule({
  id: "startup-port-not-exposed",
  title: "Startup probe targets a port the container does not expose",
  category: "probes",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "A startupProbe aimed at a named port no containerPort carries can never succeed, and a number absent from the declared containerPorts is usually a port left behind by a change. Either way the probe checks the wrong thing.",
  remediation: "Point startupProbe at a port listed in the container's ports (by name or number).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
  peers: { kubeLinter: ["startup-port"] },
  evaluate: (ctx) => probePortNotExposed(ctx, "startupProbe"),
});
