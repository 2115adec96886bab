import { policyEngineOf } from "../../helpers/admission";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const admissionPolicyWebhookFailOpen = defineRule({
  id: "admission-policy-webhook-fail-open",
  title: "Policy engine webhook fails open",
  category: "admission",
  severity: "low",
  kinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"],
  description:
    "A policy engine's webhook with failurePolicy: Ignore admits every request while the engine is down or unreachable, so an attacker who can disrupt it (or wait for an upgrade) bypasses the policies.",
  remediation: "Set failurePolicy: Fail on the policy webhooks (exclude kube-system with a namespaceSelector to keep the cluster recoverable) and run the engine highly available.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy"],
  peers: { nsa: ["PS-ENF"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      for (const cfg of ctx.index.byKind(kind)) {
        const engine = policyEngineOf(cfg);
        if (!engine) continue;
        const hooks = Array.isArray((cfg as any).webhooks) ? (cfg as any).webhooks : [];
        for (let i = 0; i < hooks.length; i++) {
          if (hooks[i]?.failurePolicy !== "Ignore") continue;
          yield { object: cfg, path: `webhooks[${i}].failurePolicy`, observed: "Ignore", message: `${engine} webhook ${hooks[i]?.name ?? i} admits requests when the engine is unavailable` };
        }
      }
    }
  },
});
