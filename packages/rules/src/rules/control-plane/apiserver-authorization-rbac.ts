import { controlPlaneRule, listIncludes, unlessAuthzConfig } from "../../helpers/control-plane";

export const apiserverAuthorizationRbac = controlPlaneRule({
  id: "apiserver-authorization-rbac",
  title: "API server does not use RBAC",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description: "Without RBAC in --authorization-mode, Roles and bindings are ignored and access control falls back to other authorizers.",
  remediation: "Include RBAC in --authorization-mode (e.g. --authorization-mode=Node,RBAC).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.8"], trivy: ["KCV-0009"], nsa: ["CP"] },
  check: unlessAuthzConfig(listIncludes("authorization-mode", "RBAC", ["AlwaysAllow"], "RBAC policies are not enforced")),
});
