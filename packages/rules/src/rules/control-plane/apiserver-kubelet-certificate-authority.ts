// API server does not verify kubelet certificates (CIS 1.2.5, KCV-0006). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverKubeletCertificateAuthority = controlPlaneRule("apiserver-kubelet-certificate-authority");
