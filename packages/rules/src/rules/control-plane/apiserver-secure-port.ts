import { controlPlaneRule, mustNotEqual } from "../../helpers/control-plane";

export const apiserverSecurePort = controlPlaneRule({
  id: "apiserver-secure-port",
  title: "API server disables its secure port",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description: "--secure-port=0 turns off the HTTPS listener, leaving only insecure access paths.",
  remediation: "Remove --secure-port=0 (default 6443).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { trivy: ["KCV-0017"], nsa: ["CP"] },
  check: mustNotEqual("secure-port", "0", "the HTTPS endpoint is disabled"),
});
