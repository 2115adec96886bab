import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const schedulerProfiling = controlPlaneRule({
  id: "scheduler-profiling",
  title: "Scheduler exposes profiling",
  category: "control-plane",
  severity: "low",
  component: "kube-scheduler",
  description: "Profiling endpoints are on unless --profiling=false.",
  remediation: "Set --profiling=false on kube-scheduler.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/"],
  peers: { cis: ["1.4.1"], trivy: ["KCV-0040"], nsa: ["CP"] },
  check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
});
