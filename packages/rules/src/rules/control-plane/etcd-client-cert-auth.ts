import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const etcdClientCertAuth = controlPlaneRule({
  id: "etcd-client-cert-auth",
  title: "etcd does not require client certificates",
  category: "control-plane",
  severity: "high",
  component: "etcd",
  description: "Without --client-cert-auth=true anyone who reaches etcd's port reads and writes the whole cluster state.",
  remediation: "Set --client-cert-auth=true on etcd.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.2"], trivy: ["KCV-0043"], nsa: ["CP"] },
  check: mustEqual("client-cert-auth", "true", "false", "unauthenticated clients can access etcd"),
});
