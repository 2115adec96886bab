import { mergePatchFix } from "../../helpers/merge-patch";
import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";

export const hostIpc = defineRule({
  id: "host-ipc",
  title: "Pod shares the host IPC namespace",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "With hostIPC the pod shares System V IPC and POSIX shared memory with every process on the node, so it can read or tamper with other processes' shared memory.",
  remediation: "Remove spec.hostIPC (or set it to false); workloads that truly need the host's namespace belong on dedicated, tightly controlled nodes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"],
  peers: {
    polaris: ["hostIPCSet"],
    kubeLinter: ["host-ipc"],
    kubescape: ["C-0038", "C-0276"],
    trivy: ["KSV-0008"],
    pss: ["baseline:hostNamespaces"],
    cis: ["5.2.4"],
    nsa: ["PS-ENF"],
  },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (ref.spec.hostIPC !== true) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.hostIPC`,
        observed: true,
        message: "The pod sets hostIPC: true.",
        fix: mergePatchFix(`${ref.path}.hostIPC`, false, "Stop sharing the host namespace"),
      };
    }
  },
});
