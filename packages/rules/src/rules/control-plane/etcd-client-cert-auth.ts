// etcd does not require client certificates (CIS 2.2, KCV-0043). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdClientCertAuth = controlPlaneRule("etcd-client-cert-auth");
