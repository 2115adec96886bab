// API server disables the ServiceAccount plugin (CIS 1.2.12, KCV-0014). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverServiceAccountPlugin = controlPlaneRule("apiserver-service-account-plugin");
