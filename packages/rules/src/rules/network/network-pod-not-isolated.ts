import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import { NETWORK_POLICY_KINDS, networkIndex } from "../../helpers/network";
import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { serviceAccountName } from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPodNotIsolated = defineRule({
  id: "network-pod-not-isolated",
  title: "Workload is not selected by any NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: NETWORK_POLICY_KINDS,
  description:
    "No network policy (a NetworkPolicy, or a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy endpointSelector) isolates these pods, so they accept connections from any pod in the cluster and can connect anywhere.",
  remediation: "Add a NetworkPolicy whose podSelector matches the pods (or a namespace-wide default-deny) and allow only required flows.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { kubeLinter: ["non-isolated-pod"], kubescape: ["C-0260"], cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      if (SYSTEM_NAMESPACES.has(ns)) continue;
      // Host-network pods are outside NetworkPolicy's reach; host-network rules judge them.
      if (ref.spec?.hostNetwork === true) continue;
      // A Cilium rule without ingress or egress sections (or with enableDefaultDeny off) isolates nothing.
      if (net.selecting(ns, ref.meta.labels, serviceAccountName(ref.spec)).some((p) => p.ingress || p.egress)) continue;
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: ref.meta.labels,
        message: `no network policy in namespace ${ns} isolates these pods: all ingress and egress is allowed`,
      };
    }
  },
});
