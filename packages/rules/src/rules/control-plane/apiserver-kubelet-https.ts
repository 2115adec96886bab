import { controlPlaneRule, mustNotEqual } from "../../helpers/control-plane";

export const apiserverKubeletHttps = controlPlaneRule({
  id: "apiserver-kubelet-https",
  title: "API server talks to kubelets over plain HTTP",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "--kubelet-https=false makes the API server reach kubelets (logs, exec, port-forward) without TLS.",
  remediation: "Remove --kubelet-https=false (the flag was removed in 1.20; HTTPS is the only mode).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { trivy: ["KCV-0004"], nsa: ["CP"] },
  check: mustNotEqual("kubelet-https", "false", "API server to kubelet traffic is unencrypted"),
});
