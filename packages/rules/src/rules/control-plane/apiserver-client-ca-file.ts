// API server client CA not set (CIS 1.2.25, KCV-0028). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverClientCaFile = controlPlaneRule("apiserver-client-ca-file");
