import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverKubeletCertificateAuthority = controlPlaneRule({
  id: "apiserver-kubelet-certificate-authority",
  title: "API server does not verify kubelet certificates",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "Without --kubelet-certificate-authority the API server does not verify the kubelet's serving certificate, so connections to kubelets can be intercepted.",
  remediation: "Set --kubelet-certificate-authority to the CA that signs kubelet serving certificates.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.5"], trivy: ["KCV-0006"], nsa: ["CP"] },
  check: mustBeSet(["kubelet-certificate-authority"], "kubelet serving certificates are not verified"),
});
