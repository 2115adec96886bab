// etcd peers use self-signed certificates (CIS 2.6, KCV-0047). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdPeerAutoTls = controlPlaneRule("etcd-peer-auto-tls");
