import { controlPlaneRule, featureGateNotFalse } from "../../helpers/control-plane";

export const controllerManagerRotateKubeletServerCertificate = controlPlaneRule({
  id: "controller-manager-rotate-kubelet-server-certificate",
  title: "Kubelet serving certificate rotation disabled",
  category: "control-plane",
  severity: "low",
  component: "kube-controller-manager",
  description: "The RotateKubeletServerCertificate feature gate set to false stops kubelet serving certificates from being rotated.",
  remediation: "Remove RotateKubeletServerCertificate=false from --feature-gates.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.6"], nsa: ["CP"] },
  check: featureGateNotFalse("RotateKubeletServerCertificate", "kubelet serving certificates are not rotated"),
});
