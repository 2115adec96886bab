// API server exposes profiling (CIS 1.2.15, KCV-0018). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverProfiling = controlPlaneRule("apiserver-profiling");
