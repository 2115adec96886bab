// API server enables the AlwaysAdmit plugin (CIS 1.2.10, KCV-0011). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAlwaysAdmit = controlPlaneRule("apiserver-always-admit");
