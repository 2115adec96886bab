// API server does not enable NodeRestriction (CIS 1.2.14, KCV-0016). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverNodeRestrictionPlugin = controlPlaneRule("apiserver-node-restriction-plugin");
