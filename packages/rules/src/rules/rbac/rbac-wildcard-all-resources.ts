import { roleContentRule, roleName, list } from "../../helpers/rbac";

export const rbacWildcardAllResources = roleContentRule({
  id: "rbac-wildcard-all-resources",
  title: "Role grants access to every resource of every API group",
  category: "rbac",
  severity: "high",
  description:
    "A rule with apiGroups \"*\" and resources \"*\" applies its verbs to every object type, Secrets, RBAC objects and CRDs included. Even read-only verbs then expose every Secret.",
  remediation: "Restrict apiGroups and resources to the ones the subject needs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { trivy: ["KSV-0046", "KSV-0112"], cis: ["5.1.3"], nsa: ["RBAC"] },
  matches: (r) => (r.apiGroups ?? []).includes("*") && (r.resources ?? []).includes("*") && (r.verbs ?? []).length > 0,
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on every resource in every API group`,
});
