// etcd serves clients without TLS (CIS 2.1, KCV-0042). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdTlsCertificate = controlPlaneRule("etcd-tls-certificate");
