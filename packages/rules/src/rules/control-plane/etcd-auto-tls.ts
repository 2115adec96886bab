// etcd uses self-signed client certificates (CIS 2.3, KCV-0044). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const etcdAutoTls = controlPlaneRule("etcd-auto-tls");
