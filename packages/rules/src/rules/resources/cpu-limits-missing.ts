import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { missingResource } from "../../helpers/resources";

export const cpuLimitsMissing = defineRule({
  id: "cpu-limits-missing",
  title: "Container without a CPU limit",
  category: "resources",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "A container without resources.limits.cpu can use every idle core on its node; a runaway or compromised process (e.g. a cryptominer) then degrades its neighbours.",
  remediation: "Set resources.limits.cpu on every container, or enforce a default through a namespace LimitRange.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["cpuLimitsMissing"],
    kubeLinter: ["unset-cpu-requirements"],
    kubescape: ["C-0270", "C-0050", "C-0009"],
    trivy: ["KSV-0011"],
    nsa: ["RP"],
  },
  evaluate: (ctx) => missingResource(ctx, "limits", "cpu", "CPU limit (resources.limits.cpu)"),
});
