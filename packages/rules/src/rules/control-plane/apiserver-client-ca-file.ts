import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverClientCaFile = controlPlaneRule({
  id: "apiserver-client-ca-file",
  title: "API server client CA not set",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "Without --client-ca-file client certificates are not accepted for authentication, and kubelets cannot verify the API server's client certificate chain.",
  remediation: "Set --client-ca-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.25"], trivy: ["KCV-0028"], nsa: ["CP"] },
  check: mustBeSet(["client-ca-file"], "client-certificate authentication is off"),
});
