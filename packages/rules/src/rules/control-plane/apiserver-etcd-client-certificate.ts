import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverEtcdClientCertificate = controlPlaneRule({
  id: "apiserver-etcd-client-certificate",
  title: "API server does not authenticate to etcd with a certificate",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description:
    "Without --etcd-certfile and --etcd-keyfile the API server's connection to etcd, which holds every Secret, is not authenticated by certificate.",
  remediation: "Set --etcd-certfile and --etcd-keyfile.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.23"], trivy: ["KCV-0026"], nsa: ["CP"] },
  check: mustBeSet(["etcd-certfile", "etcd-keyfile"], "the API server to etcd connection is not certificate-authenticated"),
});
