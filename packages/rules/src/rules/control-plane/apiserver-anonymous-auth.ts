import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const apiserverAnonymousAuth = controlPlaneRule({
  id: "apiserver-anonymous-auth",
  title: "API server allows anonymous requests",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "With --anonymous-auth unset or true, requests without credentials reach the API server as system:anonymous; any RBAC grant to that user or to system:unauthenticated becomes public.",
  remediation:
    "Set --anonymous-auth=false on kube-apiserver (or, from 1.32, restrict anonymous access to health endpoints with an AuthenticationConfiguration).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.1"], trivy: ["KCV-0001"], nsa: ["CP"] },
  check: mustEqual("anonymous-auth", "false", "true", "unauthenticated requests are accepted as system:anonymous"),
});
