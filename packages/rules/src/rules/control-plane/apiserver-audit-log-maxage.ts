// API server audit log retention (days) not set (CIS 1.2.17, KCV-0020). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuditLogMaxage = controlPlaneRule("apiserver-audit-log-maxage");
