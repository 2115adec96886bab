// Controller manager service-account signing key not set (CIS 1.3.4, KCV-0036). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerServiceAccountPrivateKey = controlPlaneRule("controller-manager-service-account-private-key");
