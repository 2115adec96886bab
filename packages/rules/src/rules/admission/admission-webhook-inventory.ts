import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const admissionWebhookInventory = defineRule({
  id: "admission-webhook-inventory",
  title: "Admission webhook registered (inventory)",
  category: "admission",
  severity: "info",
  profile: "strict",
  kinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"],
  description:
    "Lists the admission webhooks: each sees (and, if mutating, can change) the objects it matches. Review that every one is expected; attackers register webhooks for persistence and credential capture.",
  remediation: "Remove webhooks you do not recognise; restrict who can write webhook configurations.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/"],
  peers: { kubescape: ["C-0036", "C-0039"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      for (const cfg of ctx.index.byKind(kind)) {
        const hooks = Array.isArray((cfg as any).webhooks) ? (cfg as any).webhooks : [];
        for (let i = 0; i < hooks.length; i++) {
          const h = hooks[i];
          const svc = h?.clientConfig?.service;
          const target = svc ? `service ${svc.namespace}/${svc.name}` : h?.clientConfig?.url ? `URL ${h.clientConfig.url}` : "no client config";
          yield { object: cfg, path: `webhooks[${i}]`, observed: h?.name, message: `${kind === "MutatingWebhookConfiguration" ? "mutating" : "validating"} webhook ${h?.name ?? i} calls ${target}` };
        }
      }
    }
  },
});
