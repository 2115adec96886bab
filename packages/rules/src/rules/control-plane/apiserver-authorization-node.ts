import { controlPlaneRule, listIncludes, unlessAuthzConfig } from "../../helpers/control-plane";

export const apiserverAuthorizationNode = controlPlaneRule({
  id: "apiserver-authorization-node",
  title: "API server does not use the Node authorizer",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "Without the Node authorizer a kubelet's credentials can read every Secret and ConfigMap in the cluster instead of only those of pods scheduled on its node.",
  remediation: "Include Node in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.7"], trivy: ["KCV-0008"], nsa: ["CP"] },
  check: unlessAuthzConfig(listIncludes("authorization-mode", "Node", ["AlwaysAllow"], "kubelets are not limited to their own pods' objects")),
});
