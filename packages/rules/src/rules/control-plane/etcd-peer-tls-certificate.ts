import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const etcdPeerTlsCertificate = controlPlaneRule({
  id: "etcd-peer-tls-certificate",
  title: "etcd peers communicate without TLS",
  category: "control-plane",
  severity: "medium",
  component: "etcd",
  description: "Without --peer-cert-file and --peer-key-file etcd members replicate cluster state in plain text.",
  remediation: "Set --peer-cert-file and --peer-key-file on etcd.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.4"], trivy: ["KCV-0045"], nsa: ["CP"] },
  check: mustBeSet(["peer-cert-file", "peer-key-file"], "etcd replication is unencrypted"),
});
