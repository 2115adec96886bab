import { NETWORK_POLICY_KINDS, networkIndex, namespacesToJudge } from "../../helpers/network";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const networkNamespaceWithoutPolicy = defineRule({
  id: "network-namespace-without-policy",
  title: "Namespace has no NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "Without any network policy (a NetworkPolicy, or a Cilium policy selecting its pods) every pod in the namespace accepts traffic from, and sends traffic to, every pod in the cluster and beyond: one compromised pod reaches all others.",
  remediation: "Add a default-deny NetworkPolicy for ingress and egress, then allow the flows the applications need.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies"],
  peers: { kubescape: ["C-0049", "C-0054", "C-0206"], cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const { ns, object, path } of namespacesToJudge(ctx)) {
      if (net.policies(ns).length > 0) continue;
      yield { object, path, observed: ns, message: `namespace ${ns} has no network policy: its pods are reachable from everywhere` };
    }
  },
});
