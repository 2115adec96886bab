import { defineRule } from "../../helpers/pod";
import { isEmptyLabelSelector, nsOf, selectorMatches, workloadLabelsIn } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPolicyPeerDangling = defineRule({
  id: "network-policy-peer-dangling",
  title: "NetworkPolicy allows a peer that matches no pods",
  category: "network",
  severity: "low",
  profile: "strict",
  kinds: ["NetworkPolicy"],
  description:
    "A from/to peer with only a podSelector refers to pods in the policy's own namespace, but no workload there carries those labels: the intended flow is blocked, and any pod later given those labels is silently allowed.",
  remediation: "Fix the peer's podSelector (add a namespaceSelector if the peer lives in another namespace), or remove the stale rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors"],
  peers: { kubeLinter: ["dangling-networkpolicypeer-podselector"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      const pods = workloadLabelsIn(ctx, nsOf(p));
      for (const [dir, field] of [["ingress", "from"], ["egress", "to"]] as const) {
        const rules = (p as any).spec?.[dir];
        if (!Array.isArray(rules)) continue;
        for (let i = 0; i < rules.length; i++) {
          const peers = rules[i]?.[field];
          if (!Array.isArray(peers)) continue;
          for (let j = 0; j < peers.length; j++) {
            const peer = peers[j];
            // A namespaceSelector makes the peer cross-namespace: its pods are outside this view.
            if (!peer || peer.namespaceSelector || isEmptyLabelSelector(peer.podSelector)) continue;
            if (pods.some((labels) => selectorMatches(peer.podSelector, labels, true))) continue;
            yield {
              object: p,
              path: `spec.${dir}[${i}].${field}[${j}].podSelector`,
              observed: peer.podSelector,
              message: `${dir} peer ${j} of rule ${i} selects no workload in namespace ${nsOf(p)}`,
            };
          }
        }
      }
    }
  },
});
