// API server accepts tokens of deleted service accounts (CIS 1.2.21, KCV-0024). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverServiceAccountLookup = controlPlaneRule("apiserver-service-account-lookup");
