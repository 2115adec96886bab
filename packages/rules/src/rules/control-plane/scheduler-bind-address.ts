import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const schedulerBindAddress = controlPlaneRule({
  id: "scheduler-bind-address",
  title: "Scheduler listens on all interfaces",
  category: "control-plane",
  severity: "medium",
  component: "kube-scheduler",
  description: "Unless --bind-address=127.0.0.1 the scheduler's metrics and health endpoints listen on every interface.",
  remediation: "Set --bind-address=127.0.0.1 on kube-scheduler.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/"],
  peers: { cis: ["1.4.2"], trivy: ["KCV-0041"], nsa: ["CP"] },
  check: mustEqual("bind-address", "127.0.0.1", undefined, "its endpoints are reachable from the network"),
});
