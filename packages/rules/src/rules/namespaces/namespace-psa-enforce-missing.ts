import { defineRule } from "../../helpers/pod";
import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import type { RawFinding } from "../../types";

export const PSA_ENFORCE = "pod-security.kubernetes.io/enforce";

export const namespacePsaEnforceMissing = defineRule({
  id: "namespace-psa-enforce-missing",
  title: "Namespace does not enforce a Pod Security Standard",
  category: "namespaces",
  severity: "medium",
  kinds: ["Namespace"],
  description:
    "Without a pod-security.kubernetes.io/enforce label, Pod Security Admission admits privileged, host-namespace and root pods into the namespace (unless the cluster sets a default or a policy engine blocks them).",
  remediation: "Label the namespace pod-security.kubernetes.io/enforce=restricted (or baseline), after checking workloads with the warn and audit modes.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  peers: { cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const n of ctx.index.byKind("Namespace")) {
      const name = n.metadata?.name ?? "";
      if (SYSTEM_NAMESPACES.has(name)) continue;
      const labels = n.metadata?.labels ?? {};
      if (labels[PSA_ENFORCE]) continue;
      const hint = labels["pod-security.kubernetes.io/warn"] || labels["pod-security.kubernetes.io/audit"] ? " (warn/audit only)" : "";
      yield {
        object: n,
        path: `metadata.labels`,
        message: `namespace ${name} has no Pod Security Admission enforce label${hint}`,
        fix: { type: "merge-patch", content: JSON.stringify({ metadata: { labels: { [PSA_ENFORCE]: "baseline" } } }), description: "Enforce at least the baseline standard" },
      };
    }
  },
});
