import { controlPlaneRule, listExcludes, unlessAuthzConfig } from "../../helpers/control-plane";

export const apiserverAuthorizationAlwaysAllow = controlPlaneRule({
  id: "apiserver-authorization-always-allow",
  title: "API server authorizes every request (AlwaysAllow)",
  category: "control-plane",
  severity: "critical",
  component: "kube-apiserver",
  description:
    "The AlwaysAllow authorizer (also the default when --authorization-mode is unset) lets every authenticated request do anything: RBAC is not enforced.",
  remediation: "Set --authorization-mode=Node,RBAC.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.6"], trivy: ["KCV-0007"], nsa: ["CP"] },
  check: unlessAuthzConfig(listExcludes("authorization-mode", "AlwaysAllow", ["AlwaysAllow"], "every authenticated request is allowed")),
});
