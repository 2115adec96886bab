import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { missingResource } from "../../helpers/resources";

export const memoryLimitsMissing = defineRule({
  id: "memory-limits-missing",
  title: "Container without a memory limit",
  category: "resources",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "A container without resources.limits.memory can consume all memory on its node, triggering the kernel OOM killer against other workloads (a denial of service).",
  remediation: "Set resources.limits.memory on every container, or enforce a default through a namespace LimitRange.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["memoryLimitsMissing"],
    kubeLinter: ["unset-memory-requirements"],
    kubescape: ["C-0271", "C-0004", "C-0009"],
    trivy: ["KSV-0018"],
    nsa: ["RP"],
  },
  evaluate: (ctx) => missingResource(ctx, "limits", "memory", "memory limit (resources.limits.memory)"),
});
