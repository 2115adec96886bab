import { execAttachBindingRule } from "../../helpers/rbac";

export const rbacNamespaceBindingClusterroleExecAttach = execAttachBindingRule({
  id: "rbac-namespace-binding-clusterrole-exec-attach",
  title: "RoleBinding grants exec/attach through a ClusterRole",
  severity: "medium",
  bindingKind: "RoleBinding",
  roleKind: "ClusterRole",
  peers: { polaris: ["rolebindingClusterRolePodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] },
});
