import { policyEngineOf } from "../../helpers/admission";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const admissionNoPolicyEngine = defineRule({
  id: "admission-no-policy-engine",
  title: "No pod admission policy in the cluster",
  category: "admission",
  severity: "medium",
  kinds: ["Namespace"],
  requiresKinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"],
  clusterScope: true,
  description:
    "No namespace enforces a Pod Security Standard, no policy engine webhook (Kyverno, Gatekeeper, Kubewarden, ...) is registered and no bound ValidatingAdmissionPolicy exists: nothing stops a privileged or host-mounting pod at admission time.",
  remediation: "Enforce Pod Security Admission labels on namespaces, or install a policy engine with pod-security policies.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-admission/"],
  peers: { kubescape: ["C-0192"], cis: ["5.2.1"], nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const namespaces = ctx.index.byKind("Namespace");
    if (namespaces.some((n) => n.metadata?.labels?.["pod-security.kubernetes.io/enforce"] && n.metadata.labels["pod-security.kubernetes.io/enforce"] !== "privileged")) return;
    // A ValidatingAdmissionPolicy enforces nothing until a binding names it.
    const policies = new Set<string>();
    for (const p of ctx.index.byKind("ValidatingAdmissionPolicy")) if (p.metadata?.name) policies.add(p.metadata.name);
    if (ctx.index.byKind("ValidatingAdmissionPolicyBinding").some((b) => policies.has((b as any).spec?.policyName))) return;
    for (const k of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      if (ctx.index.byKind(k).some((c) => policyEngineOf(c))) return;
    }
    // The finding is cluster-wide; it sits on kube-system (or the first namespace) for a stable anchor.
    const anchor = namespaces.find((n) => n.metadata?.name === "kube-system") ?? namespaces[0];
    if (!anchor) return;
    yield { object: anchor, path: "metadata.labels", message: "the cluster has no Pod Security Admission enforcement, no policy engine webhook and no bound ValidatingAdmissionPolicy" };
  },
});
