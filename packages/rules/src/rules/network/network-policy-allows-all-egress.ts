import { defineRule } from "../../helpers/pod";
import { peersAllowAll, policyTypes } from "../../helpers/network";
import type { RawFinding } from "../../types";

export const networkPolicyAllowsAllEgress = defineRule({
  id: "network-policy-allows-all-egress",
  title: "NetworkPolicy allows all egress",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description:
    "An egress rule without 'to' peers (or with namespaceSelector: {} or 0.0.0.0/0) admits traffic to every pod and address, which cancels the isolation for the selected pods, the cloud metadata service included.",
  remediation: "List the allowed peers (podSelector, namespaceSelector, or a narrow ipBlock) in the rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic"],
  peers: { nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      if (!policyTypes(p).egress) continue;
      const rules = (p as any).spec?.egress;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i];
        if (!r || typeof r !== "object" || !peersAllowAll(r.to)) continue;
        const ports = Array.isArray(r.ports) && r.ports.length > 0 ? ` on ports ${r.ports.map((x: any) => x?.port ?? "*").join(",")}` : "";
        yield { object: p, path: `spec.egress[${i}]`, observed: r.to ?? "no to", message: `egress rule ${i} allows all destinations${ports}` };
      }
    }
  },
});
