// API server does not force image pulls (CIS 1.2.11, KCV-0012). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverAlwaysPullImages = controlPlaneRule("apiserver-always-pull-images");
