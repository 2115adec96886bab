// API server talks to kubelets over plain HTTP (KCV-0004). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverKubeletHttps = controlPlaneRule("apiserver-kubelet-https");
