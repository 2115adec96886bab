// Controller manager listens on all interfaces (CIS 1.3.7, KCV-0039). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerBindAddress = controlPlaneRule("controller-manager-bind-address");
