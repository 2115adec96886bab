import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { containerName, perContainer } from "../../helpers/security-context";
import type { RawFinding } from "../../types";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HOOKS = ["postStart", "preStop"] as const;

// Pod Security Standards baseline (policy 1.34+): probes and lifecycle hooks may not name a host,
// because the kubelet would then send requests from the node to any address (SSRF from the node).
export const hostProbeLifecycleHost = defineRule({
  id: "host-probe-lifecycle-host",
  title: "Probe or lifecycle hook targets another host",
  category: "workload-security",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "An httpGet or tcpSocket probe or lifecycle hook with a host field makes the kubelet connect from the node to that address, which can reach node-local services or other networks the pod itself cannot.",
  remediation: "Remove the host field so probes and hooks target the pod's own IP.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: { pss: ["baseline:hostProbesAndHostLifecycle"] },
  *evaluate(ctx) {
    yield* perContainer(ctx, (ref, c) => {
      const out: RawFinding[] = [];
      const look = (handler: any, path: string, what: string) => {
        for (const kind of ["httpGet", "tcpSocket"]) {
          const host = handler?.[kind]?.host;
          if (typeof host === "string" && host !== "") {
            out.push({
              object: ref.object,
              path: `${path}.${kind}.host`,
              observed: host,
              message: `Container "${containerName(c)}" ${what} targets host ${host}.`,
            });
          }
        }
      };
      for (const p of PROBES) if (c.container[p]) look(c.container[p], `${c.path}.${p}`, `${p}`);
      for (const h of HOOKS) if (c.container.lifecycle?.[h]) look(c.container.lifecycle[h], `${c.path}.lifecycle.${h}`, `${h} hook`);
      return out;
    });
  },
});
