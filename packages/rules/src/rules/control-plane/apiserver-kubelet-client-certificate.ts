// API server has no kubelet client certificate (CIS 1.2.4, KCV-0005). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverKubeletClientCertificate = controlPlaneRule("apiserver-kubelet-client-certificate");
