import { controlPlaneRule, mustBeSet } from "../../helpers/control-plane";

export const apiserverEncryptionAtRest = controlPlaneRule({
  id: "apiserver-encryption-at-rest",
  title: "Secrets are not encrypted at rest",
  category: "control-plane",
  severity: "high",
  component: "kube-apiserver",
  description: "Without --encryption-provider-config Secrets are stored in etcd in plain text; anyone with etcd or backup access reads them.",
  remediation: "Set --encryption-provider-config with an aescbc, aesgcm, secretbox or KMS provider for secrets.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.27"], trivy: ["KCV-0030"], nsa: ["CP"] },
  check: mustBeSet(["encryption-provider-config"], "Secrets are stored unencrypted in etcd"),
});
