import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] as const };

export const rbacNodeProxy = roleContentRule({
  id: "rbac-node-proxy",
  title: "Role grants nodes/proxy",
  category: "rbac",
  severity: "high",
  description:
    "nodes/proxy gives direct access to every kubelet API (exec into any pod on the node, read logs) and is not subject to admission control or audit of the pod operations.",
  remediation: "Remove nodes/proxy; monitoring agents should use the metrics endpoints (nodes/metrics, nodes/stats) instead.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes"],
  peers: { trivy: ["KSV-0047"], kubescape: ["C-0279"], cis: ["5.1.10"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on nodes/proxy: full kubelet API access`,
});
