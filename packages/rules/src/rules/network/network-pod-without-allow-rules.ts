import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import { NETWORK_POLICY_KINDS, networkIndex } from "../../helpers/network";
import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { serviceAccountName } from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPodWithoutAllowRules = defineRule({
  id: "network-pod-without-allow-rules",
  title: "Workload has no policy declaring its allowed ingress and egress",
  category: "network",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "No NetworkPolicy that targets these pods by label both isolates and explicitly allows their ingress and their egress. Without a per-workload allow-list the permitted flows are either everything or whatever namespace-wide policies happen to allow, and they are not documented next to the workload.",
  remediation: "Add a NetworkPolicy selecting the pods' labels with policyTypes [Ingress, Egress] and ingress and egress rules listing the peers and ports the workload needs.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { polaris: ["missingNetworkPolicy"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns) || ref.spec?.hostNetwork === true) continue;
      const own = net.selecting(ns, ref.meta.labels, serviceAccountName(ref.spec)).filter((p) => !p.allPods);
      const ingress = own.some((p) => p.ingress && p.ingressRules.length > 0);
      const egress = own.some((p) => p.egress && p.egressRules.length > 0);
      if (ingress && egress) continue;
      const missing = [ingress ? "" : "ingress", egress ? "" : "egress"].filter(Boolean).join(" and ");
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: own.map((p) => p.policy.metadata?.name).join(",") || undefined,
        message: own.length === 0 ? "no NetworkPolicy targets these pods by label" : `the NetworkPolicies targeting these pods declare no allowed ${missing}`,
      };
    }
  },
});
