import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const controllerManagerServiceAccountPrivateKey = controlPlaneRule({
  id: "controller-manager-service-account-private-key",
  title: "Controller manager service-account signing key not set",
  category: "control-plane",
  severity: "medium",
  component: "kube-controller-manager",
  description: "Without --service-account-private-key-file service-account tokens are not signed with a dedicated key that can be rotated.",
  remediation: "Set --service-account-private-key-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.4"], trivy: ["KCV-0036"], nsa: ["CP"] },
  check: mustBeSet(["service-account-private-key-file"], "service-account tokens lack a dedicated signing key"),
});
