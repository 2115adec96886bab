import { controlPlaneRule, listIncludes } from "../../helpers/control-plane";

export const apiserverAlwaysPullImages = controlPlaneRule({
  id: "apiserver-always-pull-images",
  title: "API server does not force image pulls",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description:
    "Without AlwaysPullImages, a pod on a multi-tenant node can use a private image another tenant already pulled, without having the pull credentials.",
  remediation: "Add AlwaysPullImages to --enable-admission-plugins on multi-tenant clusters.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.11"], trivy: ["KCV-0012"], nsa: ["CP"] },
  check: listIncludes("enable-admission-plugins", "AlwaysPullImages", [], "cached private images can be used without pull credentials"),
});
