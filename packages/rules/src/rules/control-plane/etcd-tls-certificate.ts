import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const etcdTlsCertificate = controlPlaneRule({
  id: "etcd-tls-certificate",
  title: "etcd serves clients without TLS",
  category: "control-plane",
  severity: "high",
  component: "etcd",
  description: "Without --cert-file and --key-file etcd serves its clients, and every Secret it stores, over plain HTTP.",
  remediation: "Set --cert-file and --key-file on etcd.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.1"], trivy: ["KCV-0042"], nsa: ["CP"] },
  check: mustBeSet(["cert-file", "key-file"], "etcd client traffic is unencrypted"),
});
