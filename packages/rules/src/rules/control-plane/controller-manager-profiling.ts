import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const controllerManagerProfiling = controlPlaneRule({
  id: "controller-manager-profiling",
  title: "Controller manager exposes profiling",
  category: "control-plane",
  severity: "low",
  component: "kube-controller-manager",
  description: "Profiling endpoints are on unless --profiling=false.",
  remediation: "Set --profiling=false on kube-controller-manager.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.2"], trivy: ["KCV-0034"], nsa: ["CP"] },
  check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
});
