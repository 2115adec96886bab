import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const controllerManagerTerminatedPodGc = controlPlaneRule({
  id: "controller-manager-terminated-pod-gc",
  title: "Controller manager terminated-pod GC threshold not set",
  category: "control-plane",
  severity: "low",
  component: "kube-controller-manager",
  description: "Without --terminated-pod-gc-threshold up to 12500 terminated pods are kept, which can degrade the API server and etcd.",
  remediation: "Set --terminated-pod-gc-threshold (e.g. 10 to 1000) on kube-controller-manager.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.1"], trivy: ["KCV-0033"], nsa: ["CP"] },
  check: mustBeSet(["terminated-pod-gc-threshold"], "terminated pods pile up"),
});
