import { list, roleContentRule, roleName } from "../../helpers/rbac";

// Kubernetes-owned roles (cluster-admin, system:*) are skipped: wildcards there are by design.
export const rbacWildcardRules = roleContentRule({
  id: "rbac-wildcard-rules",
  title: "Role uses wildcard verbs or resources",
  category: "rbac",
  severity: "medium",
  description:
    "A Role or ClusterRole rule with \"*\" in verbs or resources grants every current and future verb or resource type, including ones added later by CRDs, so the grant silently widens over time.",
  remediation: "List the exact verbs and resources the subject needs instead of \"*\".",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { kubeLinter: ["wildcard-in-rules"], kubescape: ["C-0187"], cis: ["5.1.3"], nsa: ["RBAC"] },
  matches: (r) => (r.verbs ?? []).includes("*") || (r.resources ?? []).includes("*"),
  message: (role, r) => `${roleName(role)} grants verbs [${list(r.verbs)}] on resources [${list(r.resources)}]: wildcards grant everything, now and later`,
});
