// API server TLS certificate not set (CIS 1.2.24, KCV-0027). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverTlsCertificate = controlPlaneRule("apiserver-tls-certificate");
