import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const hostPid = defineRule({
  id: "host-pid",
  title: "Pod shares the host PID namespace",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "With hostPID the pod sees every process on the node; with enough privilege it can read their environment and memory or signal them, including other pods' processes and the kubelet.",
  remediation: "Remove spec.hostPID (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostPIDSet"],
    kubeLinter: ["host-pid"],
    kubescape: ["C-0038", "C-0275"],
    trivy: ["KSV-0010"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.3"],
    nsa: ["PS-ENF"],
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostPID !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostPID`,
        observed: true,
        message: "The pod sets hostPID: true.",
        fix: mergePatchFix(`${ref.path}.hostPID`, false, "Stop sharing the host namespace"),
      };
    }
  },
});
