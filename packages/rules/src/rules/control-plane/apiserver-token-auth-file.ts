import { controlPlaneRule, mustNotBeSet } from "../../helpers/control-plane";

export const apiserverTokenAuthFile = controlPlaneRule({
  id: "apiserver-token-auth-file",
  title: "API server accepts static token file",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description:
    "Static tokens from --token-auth-file never expire and are stored in clear text on the control-plane node; they cannot be revoked without restarting the API server.",
  remediation: "Remove --token-auth-file and use client certificates, OIDC or service-account tokens.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.2"], trivy: ["KCV-0002"], nsa: ["CP"] },
  check: mustNotBeSet("token-auth-file", "static bearer tokens never expire"),
});
