// API server allows anonymous requests (CIS 1.2.1, KCV-0001). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAnonymousAuth = controlPlaneRule("apiserver-anonymous-auth");
