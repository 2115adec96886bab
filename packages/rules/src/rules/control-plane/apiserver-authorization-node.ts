// API server does not use the Node authorizer (CIS 1.2.7, KCV-0008). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAuthorizationNode = controlPlaneRule("apiserver-authorization-node");
