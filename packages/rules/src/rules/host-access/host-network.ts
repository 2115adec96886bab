import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const hostNetwork = defineRule({
  id: "host-network",
  title: "Pod uses the host network",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "With hostNetwork the pod shares the node's network namespace: it can bind node ports, reach services listening on localhost (kubelet, cloud metadata proxies) and sniff node traffic, and NetworkPolicy no longer applies to it.",
  remediation: "Remove spec.hostNetwork (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostNetworkSet"],
    kubeLinter: ["host-network"],
    kubescape: ["C-0041"],
    trivy: ["KSV-0009"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.5"],
    nsa: ["PS-ENF"],
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostNetwork !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostNetwork`,
        observed: true,
        message: "The pod sets hostNetwork: true.",
        fix: mergePatchFix(`${ref.path}.hostNetwork`, false, "Stop sharing the host namespace"),
      };
    }
  },
});
