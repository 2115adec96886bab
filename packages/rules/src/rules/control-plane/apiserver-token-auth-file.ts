// API server accepts static token file (CIS 1.2.2, KCV-0002). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverTokenAuthFile = controlPlaneRule("apiserver-token-auth-file");
