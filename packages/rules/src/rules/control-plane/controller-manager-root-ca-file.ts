import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const controllerManagerRootCaFile = controlPlaneRule({
  id: "controller-manager-root-ca-file",
  title: "Controller manager root CA not set",
  category: "control-plane",
  severity: "medium",
  component: "kube-controller-manager",
  description: "Without --root-ca-file pods do not receive the CA bundle to verify the API server's certificate.",
  remediation: "Set --root-ca-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.5"], trivy: ["KCV-0037"], nsa: ["CP"] },
  check: mustBeSet(["root-ca-file"], "pods cannot verify the API server certificate"),
});
