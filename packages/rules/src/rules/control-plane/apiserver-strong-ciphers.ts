// API server TLS cipher suites not restricted (CIS 1.2.29). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverStrongCiphers = controlPlaneRule("apiserver-strong-ciphers");
