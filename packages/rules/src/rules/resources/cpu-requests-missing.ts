import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { missingResource } from "../../helpers/resources";

export const cpuRequestsMissing = defineRule({
  id: "cpu-requests-missing",
  title: "Container without a CPU request",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Without resources.requests.cpu the scheduler places the pod as if it needed no CPU, so nodes get overcommitted and the pod is first to be starved under contention.",
  remediation: "Set resources.requests.cpu on every container to its typical CPU use.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["cpuRequestsMissing"],
    kubeLinter: ["unset-cpu-requirements"],
    kubescape: ["C-0268", "C-0050"],
    trivy: ["KSV-0015"],
    nsa: ["RP"],
  },
  evaluate: (ctx) => missingResource(ctx, "requests", "cpu", "CPU request (resources.requests.cpu)"),
});
