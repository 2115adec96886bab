import { execAttachBindingRule } from "../../helpers/rbac";

export const rbacClusterBindingExecAttach = execAttachBindingRule({
  id: "rbac-cluster-binding-exec-attach",
  title: "ClusterRoleBinding grants exec/attach cluster-wide",
  severity: "high",
  bindingKind: "ClusterRoleBinding",
  roleKind: "ClusterRole",
  peers: { polaris: ["clusterrolebindingPodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] },
});
