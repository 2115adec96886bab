import { NETWORK_POLICY_KINDS, networkIndex, namespacesToJudge } from "../../helpers/network";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const networkNamespaceNoDefaultDenyEgress = defineRule({
  id: "network-namespace-no-default-deny-egress",
  title: "Namespace has no default-deny egress policy",
  category: "network",
  severity: "low",
  kinds: ["Namespace"],
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "The namespace has network policies (NetworkPolicy, or Cilium's policies), but none selects every pod with Egress isolation and no egress rules. Pods that no policy selects, including new ones, keep unrestricted egress.",
  remediation: "Add a policy with podSelector: {} and policyTypes: [Egress] and no egress rules (with Cilium: endpointSelector: {} and egress: [{}]), then allow required flows explicitly.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic"],
  peers: { cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const { ns, object, path } of namespacesToJudge(ctx)) {
      const pols = net.policies(ns);
      // A namespace without any policy is reported by network-namespace-without-policy.
      if (pols.length === 0) continue;
      const denyAll = pols.some((p) => p.egress && p.egressRules.length === 0 && p.allPods);
      if (denyAll) continue;
      yield { object, path, observed: ns, message: `namespace ${ns} has no default-deny egress network policy` };
    }
  },
});
