import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverKubeletClientCertificate = controlPlaneRule({
  id: "apiserver-kubelet-client-certificate",
  title: "API server has no kubelet client certificate",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description:
    "Without --kubelet-client-certificate and --kubelet-client-key the API server cannot authenticate to kubelets, which then must allow unauthenticated access.",
  remediation: "Set --kubelet-client-certificate and --kubelet-client-key to a client certificate the kubelets trust.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.4"], trivy: ["KCV-0005"], nsa: ["CP"] },
  check: mustBeSet(["kubelet-client-certificate", "kubelet-client-key"], "kubelets cannot authenticate the API server"),
});
