import { NETWORK_POLICY_KINDS, networkIndex, namespacesToJudge } from "../../helpers/network";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const networkNamespaceNoDefaultDenyIngress = defineRule({
  id: "network-namespace-no-default-deny-ingress",
  title: "Namespace has no default-deny ingress policy",
  category: "network",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "The namespace has network policies (NetworkPolicy, or Cilium's policies), but none selects every pod with Ingress isolation and no ingress rules. Pods that no policy selects, including new ones, keep unrestricted ingress.",
  remediation: "Add a policy with podSelector: {} and policyTypes: [Ingress] and no ingress rules (with Cilium: endpointSelector: {} and ingress: [{}]), then allow required flows explicitly.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic"],
  peers: { cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const { ns, object, path } of namespacesToJudge(ctx)) {
      const pols = net.policies(ns);
      // A namespace without any policy is reported by network-namespace-without-policy.
      if (pols.length === 0) continue;
      const denyAll = pols.some((p) => p.ingress && p.ingressRules.length === 0 && p.allPods);
      if (denyAll) continue;
      yield { object, path, observed: ns, message: `namespace ${ns} has no default-deny ingress network policy` };
    }
  },
});
