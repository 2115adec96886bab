import { bindingRule, isAdminRule, subjectList } from "../../helpers/rbac";

export const rbacClusterAdminBinding = bindingRule({
  id: "rbac-cluster-admin-binding",
  title: "ClusterRoleBinding grants cluster-admin",
  category: "rbac",
  severity: "high",
  bindingKind: "ClusterRoleBinding",
  roleKind: "ClusterRole",
  description:
    "A ClusterRoleBinding to cluster-admin, or to a ClusterRole with wildcard apiGroups, resources and verbs, gives its subjects unrestricted control of the whole cluster.",
  remediation: "Bind narrower ClusterRoles, or the admin ClusterRole through namespace RoleBindings; keep at most one documented break-glass cluster-admin binding.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
  peers: {
    polaris: ["clusterrolebindingClusterAdmin"],
    kubeLinter: ["cluster-admin-role-binding"],
    kubescape: ["C-0185"],
    cis: ["5.1.1"],
    nsa: ["RBAC"],
  },
  judge: (b, rules) => {
    if (b.roleName === "cluster-admin") return { message: `binds cluster-admin cluster-wide to ${subjectList(b)}` };
    if (rules?.some(isAdminRule)) return { message: `binds ClusterRole ${b.roleName}, which holds wildcard admin rights, cluster-wide to ${subjectList(b)}` };
    return undefined;
  },
});
