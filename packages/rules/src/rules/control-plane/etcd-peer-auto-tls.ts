import { controlPlaneRule, mustNotEqual } from "../../helpers/control-plane";

export const etcdPeerAutoTls = controlPlaneRule({
  id: "etcd-peer-auto-tls",
  title: "etcd peers use self-signed certificates",
  category: "control-plane",
  severity: "medium",
  component: "etcd",
  description: "--peer-auto-tls=true makes etcd peers use self-signed certificates that cannot be verified.",
  remediation: "Remove --peer-auto-tls=true and configure peer certificates.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.6"], trivy: ["KCV-0047"], nsa: ["CP"] },
  check: mustNotEqual("peer-auto-tls", "true", "peer TLS uses unverifiable self-signed certificates"),
});
