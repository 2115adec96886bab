import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const namespaceDefaultUsed = defineRule({
  id: "namespace-default-used",
  title: "Workload runs in the default namespace",
  category: "namespaces",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "The default namespace is where anything without an explicit namespace lands; workloads there share RBAC, quotas and network policy with every stray object, so isolation and least privilege cannot be applied.",
  remediation: "Create a namespace per application or team and set metadata.namespace explicitly.",
  references: ["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
  peers: { trivy: ["KSV-0110"], kubeLinter: ["use-namespace"], kubescape: ["C-0061"], cis: ["5.7.4"], nsa: ["NSP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const ref of podSpecs(ctx)) {
      const ns = ref.object.metadata?.namespace;
      if (ns && ns !== "default") continue;
      yield {
        object: ref.object,
        path: "metadata.namespace",
        observed: ns ?? "(unset)",
        message: ns ? `${ref.object.kind} runs in the default namespace` : `${ref.object.kind} sets no namespace and lands in default unless applied with -n`,
      };
    }
  },
});
