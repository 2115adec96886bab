// Controller manager exposes profiling (CIS 1.3.2, KCV-0034). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerProfiling = controlPlaneRule("controller-manager-profiling");
