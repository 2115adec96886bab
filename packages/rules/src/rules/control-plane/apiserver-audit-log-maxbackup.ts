import { controlPlaneRule, mustBePositive } from "../../helpers/control-plane";

export const apiserverAuditLogMaxbackup = controlPlaneRule({
  id: "apiserver-audit-log-maxbackup",
  title: "API server audit log backups not set",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Without --audit-log-maxbackup the number of rotated audit log files kept is not defined.",
  remediation: "Set --audit-log-maxbackup=10 (or as your retention policy requires).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.18"], trivy: ["KCV-0021"], nsa: ["CP"] },
  check: mustBePositive("audit-log-maxbackup", 10, "the number of kept audit logs is undefined"),
});
