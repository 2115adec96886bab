import { controlPlaneRule, listIncludes } from "../../helpers/control-plane";

export const apiserverNodeRestrictionPlugin = controlPlaneRule({
  id: "apiserver-node-restriction-plugin",
  title: "API server does not enable NodeRestriction",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description:
    "Without NodeRestriction a kubelet can modify other nodes' Node objects and pods bound to other nodes, so one compromised node spreads.",
  remediation: "Add NodeRestriction to --enable-admission-plugins.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.14"], trivy: ["KCV-0016"], nsa: ["CP"] },
  check: listIncludes("enable-admission-plugins", "NodeRestriction", [], "kubelets can modify other nodes and their pods"),
});
