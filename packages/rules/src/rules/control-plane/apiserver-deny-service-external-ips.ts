import { controlPlaneRule, listIncludes } from "../../helpers/control-plane";

export const apiserverDenyServiceExternalIps = controlPlaneRule({
  id: "apiserver-deny-service-external-ips",
  title: "API server does not deny Service externalIPs",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description:
    "Without the DenyServiceExternalIPs admission plugin anyone who can create a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).",
  remediation: "Add DenyServiceExternalIPs to --enable-admission-plugins (or enforce the restriction with a policy engine).",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.3"], nsa: ["CP"] },
  check: listIncludes("enable-admission-plugins", "DenyServiceExternalIPs", [], "Services may claim arbitrary external IPs (CVE-2020-8554)"),
});
