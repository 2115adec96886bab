// API server does not deny Service externalIPs (CIS 1.2.3). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverDenyServiceExternalIps = controlPlaneRule("apiserver-deny-service-external-ips");
