// etcd peers communicate without TLS (CIS 2.4, KCV-0045). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdPeerTlsCertificate = controlPlaneRule("etcd-peer-tls-certificate");
