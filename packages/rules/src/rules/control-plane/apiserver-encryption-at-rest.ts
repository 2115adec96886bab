// Secrets are not encrypted at rest (CIS 1.2.27, KCV-0030). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverEncryptionAtRest = controlPlaneRule("apiserver-encryption-at-rest");
