// Kubelet serving certificate rotation disabled (CIS 1.3.6). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const controllerManagerRotateKubeletServerCertificate = controlPlaneRule("controller-manager-rotate-kubelet-server-certificate");
