import { controlPlaneRule, listExcludes } from "../../helpers/control-plane";

export const apiserverAlwaysAdmit = controlPlaneRule({
  id: "apiserver-always-admit",
  title: "API server enables the AlwaysAdmit plugin",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description:
    "AlwaysAdmit is deprecated and admits every request. Admission plugins all have to agree, so it cannot override another plugin's denial: it adds nothing and suggests a misread admission setup.",
  remediation: "Remove AlwaysAdmit from --enable-admission-plugins.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.10"], trivy: ["KCV-0011"], nsa: ["CP"] },
  check: listExcludes("enable-admission-plugins", "AlwaysAdmit", [], "the deprecated AlwaysAdmit plugin is enabled"),
});
