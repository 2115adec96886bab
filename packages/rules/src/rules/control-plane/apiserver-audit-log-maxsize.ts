import { controlPlaneRule, mustBePositive } from "../../helpers/control-plane";

export const apiserverAuditLogMaxsize = controlPlaneRule({
  id: "apiserver-audit-log-maxsize",
  title: "API server audit log size not set",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Without --audit-log-maxsize audit logs are not rotated by size.",
  remediation: "Set --audit-log-maxsize=100 (MB, or as appropriate).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.19"], trivy: ["KCV-0022"], nsa: ["CP"] },
  check: mustBePositive("audit-log-maxsize", 100, "audit logs are not rotated by size"),
});
