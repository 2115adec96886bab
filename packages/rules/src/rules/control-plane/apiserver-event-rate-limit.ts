// API server does not rate-limit events (CIS 1.2.9, KCV-0010). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverEventRateLimit = controlPlaneRule("apiserver-event-rate-limit");
