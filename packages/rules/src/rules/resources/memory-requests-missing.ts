import { WORKLOAD_KINDS, defineRule } from "../../helpers/pod";
import { missingResource } from "../../helpers/resources";

export const memoryRequestsMissing = defineRule({
  id: "memory-requests-missing",
  title: "Container without a memory request",
  category: "resources",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  description:
    "Without resources.requests.memory the pod is scheduled as if it needed no memory and is among the first evicted when the node runs short.",
  remediation: "Set resources.requests.memory on every container to its steady-state memory use.",
  references: ["https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
  peers: {
    polaris: ["memoryRequestsMissing"],
    kubeLinter: ["unset-memory-requirements"],
    kubescape: ["C-0269", "C-0004"],
    trivy: ["KSV-0016"],
    nsa: ["RP"],
  },
  evaluate: (ctx) => missingResource(ctx, "requests", "memory", "memory request (resources.requests.memory)"),
});
