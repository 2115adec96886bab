// API server authorizes every request (AlwaysAllow) (CIS 1.2.6, KCV-0007). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuthorizationAlwaysAllow = controlPlaneRule("apiserver-authorization-always-allow");
