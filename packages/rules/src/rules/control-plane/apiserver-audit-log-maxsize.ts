// API server audit log size not set (CIS 1.2.19, KCV-0022). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuditLogMaxsize = controlPlaneRule("apiserver-audit-log-maxsize");
