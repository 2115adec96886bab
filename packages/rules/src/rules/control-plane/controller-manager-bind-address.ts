import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const controllerManagerBindAddress = controlPlaneRule({
  id: "controller-manager-bind-address",
  title: "Controller manager listens on all interfaces",
  category: "control-plane",
  severity: "medium",
  component: "kube-controller-manager",
  description: "Unless --bind-address=127.0.0.1 the controller manager's metrics and health endpoints listen on every interface.",
  remediation: "Set --bind-address=127.0.0.1 on kube-controller-manager.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.7"], trivy: ["KCV-0039"], nsa: ["CP"] },
  check: mustEqual("bind-address", "127.0.0.1", undefined, "its endpoints are reachable from the network"),
});
