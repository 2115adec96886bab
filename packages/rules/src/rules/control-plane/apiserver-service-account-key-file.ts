// API server has no service-account verification key (CIS 1.2.22, KCV-0025). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverServiceAccountKeyFile = controlPlaneRule("apiserver-service-account-key-file");
