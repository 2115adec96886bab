// Scheduler exposes profiling (CIS 1.4.1, KCV-0040). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const schedulerProfiling = controlPlaneRule("scheduler-profiling");
