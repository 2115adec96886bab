import { bindingRule, isAdminRule, subjectList } from "../../helpers/rbac";

export const rbacNamespaceClusterAdminBinding = bindingRule({
  id: "rbac-namespace-cluster-admin-binding",
  title: "RoleBinding grants cluster-admin in a namespace",
  category: "rbac",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "ClusterRole",
  description:
    "A RoleBinding to cluster-admin (or a wildcard ClusterRole) gives its subjects every permission in the namespace, including its Secrets, RBAC and resource quotas; the built-in admin role is the intended namespace-administrator grant.",
  remediation: "Bind the admin or edit ClusterRole, or a purpose-built Role, instead.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: { polaris: ["rolebindingClusterAdminClusterRole"], kubescape: ["C-0035"], cis: ["5.1.1"], nsa: ["RBAC"] },
  judge: (b, rules) => {
    if (b.roleName === "cluster-admin") return { message: `binds cluster-admin in namespace ${b.scope} to ${subjectList(b)}` };
    if (rules?.some(isAdminRule)) return { message: `binds wildcard ClusterRole ${b.roleName} in namespace ${b.scope} to ${subjectList(b)}` };
    return undefined;
  },
});
