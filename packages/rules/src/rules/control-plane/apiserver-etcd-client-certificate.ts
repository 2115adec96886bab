// API server does not authenticate to etcd with a certificate (CIS 1.2.23, KCV-0026). Flag logic and text: CONTROL_PLANE_CHECKS in helpers/control-plane.ts.
import { controlPlaneRule } from "../../helpers/control-plane";

export const apiserverEtcdClientCertificate = controlPlaneRule("apiserver-etcd-client-certificate");
