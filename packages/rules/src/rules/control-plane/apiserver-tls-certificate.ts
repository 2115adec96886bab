import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverTlsCertificate = controlPlaneRule({
  id: "apiserver-tls-certificate",
  title: "API server TLS certificate not set",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "Without --tls-cert-file and --tls-private-key-file the API server serves a self-generated certificate clients cannot verify.",
  remediation: "Set --tls-cert-file and --tls-private-key-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.24"], trivy: ["KCV-0027"], nsa: ["CP"] },
  check: mustBeSet(["tls-cert-file", "tls-private-key-file"], "clients cannot verify the API server"),
});
