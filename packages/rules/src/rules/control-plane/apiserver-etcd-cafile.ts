// API server does not verify etcd's certificate (CIS 1.2.26, KCV-0029). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverEtcdCafile = controlPlaneRule("apiserver-etcd-cafile");
