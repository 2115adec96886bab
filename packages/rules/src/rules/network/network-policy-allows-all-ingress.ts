import { defineRule } from "../../helpers/pod";
import { peersAllowAll, policyTypes } from "../../helpers/network";
import type { RawFinding } from "../../types";

export const networkPolicyAllowsAllIngress = defineRule({
  id: "network-policy-allows-all-ingress",
  title: "NetworkPolicy allows all ingress",
  category: "network",
  severity: "low",
  kinds: ["NetworkPolicy"],
  description:
    "An ingress rule without 'from' peers (or with namespaceSelector: {} or 0.0.0.0/0) admits traffic from every pod and address, which cancels the isolation for the selected pods.",
  remediation: "List the allowed peers (podSelector, namespaceSelector, or a narrow ipBlock) in the rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic"],
  peers: { nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const p of ctx.index.byKind("NetworkPolicy")) {
      if (!policyTypes(p).ingress) continue;
      const rules = (p as any).spec?.ingress;
      if (!Array.isArray(rules)) continue;
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i];
        if (!r || typeof r !== "object" || !peersAllowAll(r.from)) continue;
        const ports = Array.isArray(r.ports) && r.ports.length > 0 ? ` on ports ${r.ports.map((x: any) => x?.port ?? "*").join(",")}` : "";
        yield { object: p, path: `spec.ingress[${i}]`, observed: r.from ?? "no from", message: `ingress rule ${i} allows all sources${ports}` };
      }
    }
  },
});
