import { controlPlaneRule, mustNotEqual } from "../../helpers/control-plane";

export const apiserverServiceAccountLookup = controlPlaneRule({
  id: "apiserver-service-account-lookup",
  title: "API server accepts tokens of deleted service accounts",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "With --service-account-lookup=false a token stays valid after its service account is deleted.",
  remediation: "Remove --service-account-lookup=false (the default is true).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.21"], trivy: ["KCV-0024"], nsa: ["CP"] },
  check: mustNotEqual("service-account-lookup", "false", "tokens of deleted service accounts keep working"),
});
