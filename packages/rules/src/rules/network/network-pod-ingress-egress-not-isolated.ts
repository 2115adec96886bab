import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import { NETWORK_POLICY_KINDS, networkIndex } from "../../helpers/network";
import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { serviceAccountName } from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPodIngressEgressNotIsolated = defineRule({
  id: "network-pod-ingress-egress-not-isolated",
  title: "Workload's NetworkPolicies leave one direction open",
  category: "network",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "The pods are selected by network policies (NetworkPolicy or Cilium), but none of them isolates ingress, or none isolates egress, so that direction is unrestricted (e.g. a compromised pod can exfiltrate data or reach the cloud metadata service).",
  remediation: "Add Egress (or Ingress) to the policyTypes of a policy selecting these pods, with rules for the required destinations.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation"],
  peers: { kubescape: ["C-0030"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns) || ref.spec?.hostNetwork === true) continue;
      const pols = net.selecting(ns, ref.meta.labels, serviceAccountName(ref.spec));
      // Not selected at all: network-pod-not-isolated reports it.
      if (pols.length === 0) continue;
      const open: string[] = [];
      if (!pols.some((p) => p.ingress)) open.push("ingress");
      if (!pols.some((p) => p.egress)) open.push("egress");
      if (open.length === 0) continue;
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: pols.map((p) => p.policy.metadata?.name).join(","),
        message: `the network policies selecting these pods (${pols.map((p) => p.policy.metadata?.name).join(", ")}) do not isolate ${open.join(" or ")}`,
      };
    }
  },
});
