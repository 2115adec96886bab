import { networkIndex, SYSTEM_NAMESPACES } from "../../helpers/network";
import { defineRule, podSpecs } from "../../helpers/pod";
import { nsOf } from "../../helpers/selectors";
import type { KubeObject, RawFinding, RuleContext } from "../../types";

/**
 * Namespaces to judge: Namespace objects, plus namespaces that only appear through workloads (a
 * manifest set rarely carries its Namespace objects); the finding then sits on the first workload.
 */
export function* userNamespaces(ctx: RuleContext): Iterable<{ ns: string; object: KubeObject; path: string }> {
  const seen = new Set<string>();
  for (const n of ctx.index.byKind("Namespace")) {
    const name = n.metadata?.name;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    if (!SYSTEM_NAMESPACES.has(name)) yield { ns: name, object: n, path: "metadata" };
  }
  for (const ref of podSpecs(ctx)) {
    const ns = nsOf(ref.object);
    if (seen.has(ns)) continue;
    seen.add(ns);
    if (!SYSTEM_NAMESPACES.has(ns)) yield { ns, object: ref.object, path: "metadata.namespace" };
  }
}

export const networkNamespaceWithoutPolicy = defineRule({
  id: "network-namespace-without-policy",
  title: "Namespace has no NetworkPolicy",
  category: "network",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: ["NetworkPolicy"],
  description:
    "Without any NetworkPolicy every pod in the namespace accepts traffic from, and sends traffic to, every pod in the cluster and beyond: one compromised pod reaches all others.",
  remediation: "Add a default-deny NetworkPolicy for ingress and egress, then allow the flows the applications need.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies"],
  peers: { kubescape: ["C-0049", "C-0054", "C-0206"], cis: ["5.3.2"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const net = networkIndex(ctx);
    for (const { ns, object, path } of userNamespaces(ctx)) {
      if (net.policies(ns).length > 0) continue;
      yield { object, path, observed: ns, message: `namespace ${ns} has no NetworkPolicy: its pods are reachable from everywhere` };
    }
  },
});
