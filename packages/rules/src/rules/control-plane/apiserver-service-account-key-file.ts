import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverServiceAccountKeyFile = controlPlaneRule({
  id: "apiserver-service-account-key-file",
  title: "API server has no service-account verification key",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "Without --service-account-key-file the API server verifies service-account tokens with its TLS key, which prevents key rotation.",
  remediation: "Set --service-account-key-file to the public key matching the controller manager's --service-account-private-key-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.22"], trivy: ["KCV-0025"], nsa: ["CP"] },
  check: mustBeSet(["service-account-key-file"], "service-account token keys cannot be rotated"),
});
