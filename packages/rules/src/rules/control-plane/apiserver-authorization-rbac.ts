// API server does not use RBAC (CIS 1.2.8, KCV-0009). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuthorizationRbac = controlPlaneRule("apiserver-authorization-rbac");
