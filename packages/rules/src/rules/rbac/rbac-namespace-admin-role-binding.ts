import { bindingRule, isAdminRule, subjectList } from "../../helpers/rbac";

export const rbacNamespaceAdminRoleBinding = bindingRule({
  id: "rbac-namespace-admin-role-binding",
  title: "RoleBinding grants a wildcard Role",
  category: "rbac",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "Role",
  description:
    "A RoleBinding to a Role with wildcard apiGroups, resources and verbs gives its subjects full control of the namespace, Secrets and RBAC included.",
  remediation: "Replace the wildcard Role with one listing the needed resources and verbs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { polaris: ["rolebindingClusterAdminRole"], nsa: ["RBAC"] },
  judge: (b, rules) =>
    rules?.some(isAdminRule) ? { message: `binds wildcard Role ${b.scope}/${b.roleName} to ${subjectList(b)}` } : undefined,
});
