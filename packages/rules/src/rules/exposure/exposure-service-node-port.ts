import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const exposureServiceNodePort = defineRule({
  id: "exposure-service-node-port",
  title: "Service is exposed on every node (NodePort)",
  category: "exposure",
  severity: "low",
  kinds: ["Service"],
  description:
    "A NodePort Service opens a port on every node's address, bypassing Ingress-level TLS and authentication; nodes with public IPs expose it to the internet.",
  remediation: "Use a ClusterIP Service behind an Ingress or Gateway, or restrict node ports with firewall rules.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"],
  peers: { kubeLinter: ["exposed-services"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const s of ctx.index.byKind("Service")) {
      if ((s as any).spec?.type !== "NodePort") continue;
      yield { object: s, path: "spec.type", observed: "NodePort", message: "Service opens a port on every node" };
    }
  },
});
