// Controllers share the controller manager's credentials (CIS 1.3.3, KCV-0035). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerServiceAccountCredentials = controlPlaneRule("controller-manager-service-account-credentials");
