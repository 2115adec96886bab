import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverAuditLogPath = controlPlaneRule({
  id: "apiserver-audit-log-path",
  title: "API server audit logging is off",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "Without --audit-log-path no audit trail of API requests is written, so misuse cannot be investigated.",
  remediation: "Set --audit-log-path (and an --audit-policy-file) on kube-apiserver.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.16"], trivy: ["KCV-0019"], nsa: ["CP"] },
  check: mustBeSet(["audit-log-path"], "API requests are not audited"),
});
