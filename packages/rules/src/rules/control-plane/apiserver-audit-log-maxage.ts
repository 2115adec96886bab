import { controlPlaneRule, mustBePositive } from "../../helpers/control-plane";

export const apiserverAuditLogMaxage = controlPlaneRule({
  id: "apiserver-audit-log-maxage",
  title: "API server audit log retention (days) not set",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Without --audit-log-maxage the retention of rotated audit logs is not defined.",
  remediation: "Set --audit-log-maxage=30 (or as your retention policy requires).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.17"], trivy: ["KCV-0020"], nsa: ["CP"] },
  check: mustBePositive("audit-log-maxage", 30, "audit log retention is undefined"),
});
