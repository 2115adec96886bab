// API server audit logging is off (CIS 1.2.16, KCV-0019). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuditLogPath = controlPlaneRule("apiserver-audit-log-path");
