// API server disables its secure port (KCV-0017). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverSecurePort = controlPlaneRule("apiserver-secure-port");
