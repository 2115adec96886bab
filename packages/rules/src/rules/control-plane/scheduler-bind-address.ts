// Scheduler listens on all interfaces (CIS 1.4.2, KCV-0041). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const schedulerBindAddress = controlPlaneRule("scheduler-bind-address");
