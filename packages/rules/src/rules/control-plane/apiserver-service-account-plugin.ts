import { controlPlaneRule, listExcludes } from "../../helpers/control-plane";

export const apiserverServiceAccountPlugin = controlPlaneRule({
  id: "apiserver-service-account-plugin",
  title: "API server disables the ServiceAccount plugin",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "Disabling the ServiceAccount admission plugin stops the API server from checking that a pod's service account exists and from managing its token.",
  remediation: "Remove ServiceAccount from --disable-admission-plugins.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.12"], trivy: ["KCV-0014"], nsa: ["CP"] },
  check: listExcludes("disable-admission-plugins", "ServiceAccount", [], "service-account admission is off"),
});
