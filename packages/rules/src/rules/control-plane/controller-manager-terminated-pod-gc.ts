// Controller manager terminated-pod GC threshold not set (CIS 1.3.1, KCV-0033). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerTerminatedPodGc = controlPlaneRule("controller-manager-terminated-pod-gc");
