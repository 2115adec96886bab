import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const controllerManagerServiceAccountCredentials = controlPlaneRule({
  id: "controller-manager-service-account-credentials",
  title: "Controllers share the controller manager's credentials",
  category: "control-plane",
  severity: "medium",
  component: "kube-controller-manager",
  description:
    "Without --use-service-account-credentials=true every controller runs with the controller manager's own broad identity instead of a per-controller service account with least privilege.",
  remediation: "Set --use-service-account-credentials=true.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/"],
  peers: { cis: ["1.3.3"], trivy: ["KCV-0035"], nsa: ["CP"] },
  check: mustEqual("use-service-account-credentials", "true", "false", "controllers do not use individual least-privilege identities"),
});
