import { controlPlaneRule, mustEqual } from "../../helpers/control-plane";

export const etcdPeerClientCertAuth = controlPlaneRule({
  id: "etcd-peer-client-cert-auth",
  title: "etcd does not authenticate peers",
  category: "control-plane",
  severity: "medium",
  component: "etcd",
  description: "Without --peer-client-cert-auth=true any host reaching the peer port can join or read replication.",
  remediation: "Set --peer-client-cert-auth=true on etcd.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.5"], trivy: ["KCV-0046"], nsa: ["CP"] },
  check: mustEqual("peer-client-cert-auth", "true", "false", "etcd peers are not authenticated"),
});
