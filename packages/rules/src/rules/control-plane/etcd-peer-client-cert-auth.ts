// etcd does not authenticate peers (CIS 2.5, KCV-0046). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdPeerClientCertAuth = controlPlaneRule("etcd-peer-client-cert-auth");
