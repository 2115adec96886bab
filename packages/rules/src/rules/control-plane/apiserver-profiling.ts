import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const apiserverProfiling = controlPlaneRule({
  id: "apiserver-profiling",
  title: "API server exposes profiling",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Profiling endpoints (/debug/pprof) reveal internals and cost resources; they are on unless --profiling=false.",
  remediation: "Set --profiling=false on kube-apiserver.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.15"], trivy: ["KCV-0018"], nsa: ["CP"] },
  check: mustEqual("profiling", "false", "true", "profiling endpoints are exposed"),
});
