import { defineRule } from "../../helpers/pod";
import { isEmptyLabelSelector, nsOf, selectorMatches, workloadLabelsIn } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const networkPolicyDangling = defineRule({
  id: "network-policy-dangling",
  title: "NetworkPolicy selects no pods",
  category: "network",
  severity: "low",
  profile: "strict",
  kinds: ["NetworkPolicy"],
  description:
    "The policy's podSelector matches no workload in its namespace: the isolation it was written for is not in effect, usually because labels changed.",
  remediation: "Fix the podSelector to match the intended pods' labels, or delete the stale policy.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  peers: { kubeLinter: ["dangling-networkpolicy"], kubescape: ["C-0299"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      const sel = (p as any).spec?.podSelector;
      // An empty selector selects every pod, present and future.
      if (isEmptyLabelSelector(sel)) continue;
      const pods = workloadLabelsIn(ctx, nsOf(p));
      if (pods.some((labels) => selectorMatches(sel, labels, true))) continue;
      yield { object: p, path: "spec.podSelector", observed: sel, message: `podSelector matches no workload in namespace ${nsOf(p)}` };
    }
  },
});
