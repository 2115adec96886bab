import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import { networkIndex } from "../../helpers/network";
import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPodNotIsolated = defineRule({
  id: "network-pod-not-isolated",
  title: "Workload is not selected by any NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["NetworkPolicy"],
  description:
    "No NetworkPolicy in the namespace selects these pods, so they accept connections from any pod in the cluster and can connect anywhere.",
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
      if (net.selecting(ns, ref.meta.labels).length > 0) continue;
      yield {
        object: ref.object,
        path: `${ref.metaPath}.labels`,
        observed: ref.meta.labels,
        message: `no NetworkPolicy in namespace ${ns} selects these pods: all ingress and egress is allowed`,
      };
    }
  },
});
