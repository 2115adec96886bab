import { clusterMinor } from "../../helpers/deprecations";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const deprecatedPodSecurityPolicy = defineRule({
  id: "deprecated-pod-security-policy",
  title: "PodSecurityPolicy is ignored (removed in 1.25)",
  category: "deprecated-api",
  severity: "medium",
  kinds: ["PodSecurityPolicy"],
  description:
    "Kubernetes 1.25 removed PodSecurityPolicy: on 1.25+ these objects cannot be created and nothing enforces them, so pods run without the restrictions the policy was believed to provide.",
  remediation:
    "Replace it with Pod Security Admission labels on namespaces (pod-security.kubernetes.io/enforce=baseline or restricted), explicit securityContext settings in workloads, and, for finer rules, an admission policy (ValidatingAdmissionPolicy, Kyverno, Gatekeeper).",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/migrate-from-psp/"],
  peers: { nsa: ["PS-ENF", "UPG"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const v = clusterMinor(ctx);
    // Before 1.25 the policy is enforced; deprecated-psp-permissive judges its content.
    if (v && (v[0] < 1 || (v[0] === 1 && v[1] < 25))) return;
    for (const psp of ctx.index.byKind("PodSecurityPolicy")) {
      yield {
        object: psp,
        path: "apiVersion",
        observed: psp.apiVersion,
        message: `PodSecurityPolicy ${psp.metadata?.name} is not enforced by Kubernetes ${v ? v.join(".") : "1.25+"}; move its restrictions to Pod Security Admission labels or an admission policy`,
      };
    }
  },
});
