import { execAttachBindingRule } from "../../helpers/rbac";

export const rbacNamespaceBindingRoleExecAttach = execAttachBindingRule({
  id: "rbac-namespace-binding-role-exec-attach",
  title: "RoleBinding grants exec/attach through a Role",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "Role",
  peers: { polaris: ["rolebindingRolePodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] },
});
