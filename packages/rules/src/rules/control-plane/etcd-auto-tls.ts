import { controlPlaneRule, mustNotEqual } from "../../helpers/control-plane";

export const etcdAutoTls = controlPlaneRule({
  id: "etcd-auto-tls",
  title: "etcd uses self-signed client certificates",
  category: "control-plane",
  severity: "medium",
  component: "etcd",
  description: "--auto-tls=true makes etcd generate self-signed certificates clients cannot verify.",
  remediation: "Remove --auto-tls=true and configure proper certificates.",
  references: ["https://etcd.io/docs/latest/op-guide/security/"],
  peers: { cis: ["2.3"], trivy: ["KCV-0044"], nsa: ["CP"] },
  check: mustNotEqual("auto-tls", "true", "client TLS uses unverifiable self-signed certificates"),
});
