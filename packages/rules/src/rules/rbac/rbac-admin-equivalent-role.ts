import { isAdminRule, roleContentRule, roleName, list } from "../../helpers/rbac";

export const rbacAdminEquivalentRole = roleContentRule({
  id: "rbac-admin-equivalent-role",
  title: "Role is equivalent to cluster-admin",
  category: "rbac",
  severity: "high",
  description:
    "A rule granting every verb (or all of get/list/watch/create/update/patch/delete) on every resource of every API group makes the role as powerful as cluster-admin within its scope.",
  remediation: "Replace the wildcard rule with the specific permissions needed; bind the built-in admin/edit roles for namespace administration.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: { trivy: ["KSV-0044"], kubescape: ["C-0035"], cis: ["5.1.1", "5.1.3"], nsa: ["RBAC"] },
  matches: isAdminRule,
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on all resources of all API groups (cluster-admin equivalent)`,
});
