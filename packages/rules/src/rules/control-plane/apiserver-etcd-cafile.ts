import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverEtcdCafile = controlPlaneRule({
  id: "apiserver-etcd-cafile",
  title: "API server does not verify etcd's certificate",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "Without --etcd-cafile the API server does not verify etcd's serving certificate.",
  remediation: "Set --etcd-cafile to the etcd CA.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.26"], trivy: ["KCV-0029"], nsa: ["CP"] },
  check: mustBeSet(["etcd-cafile"], "etcd's identity is not verified"),
});
