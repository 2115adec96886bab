// API server audit log backups not set (CIS 1.2.18, KCV-0021). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuditLogMaxbackup = controlPlaneRule("apiserver-audit-log-maxbackup");
