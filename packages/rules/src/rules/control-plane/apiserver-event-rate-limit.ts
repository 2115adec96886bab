import { controlPlaneRule, listIncludes } from "../../helpers/control-plane";

export const apiserverEventRateLimit = controlPlaneRule({
  id: "apiserver-event-rate-limit",
  title: "API server does not rate-limit events",
  category: "control-plane",
  severity: "low",
  component: "kube-apiserver",
  description: "Without the EventRateLimit admission plugin a client can flood the API server and etcd with Events.",
  remediation: "Add EventRateLimit to --enable-admission-plugins and configure it with --admission-control-config-file.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.9"], trivy: ["KCV-0010"], nsa: ["CP"] },
  check: listIncludes("enable-admission-plugins", "EventRateLimit", [], "event floods can overload the API server"),
});
