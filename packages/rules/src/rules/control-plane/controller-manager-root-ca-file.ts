// Controller manager root CA not set (CIS 1.3.5, KCV-0037). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerRootCaFile = controlPlaneRule("controller-manager-root-ca-file");
