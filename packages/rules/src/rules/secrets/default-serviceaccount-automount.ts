import { defineRule } from "../../helpers/pod";

export const defaultServiceaccountAutomount = defineRule({
  id: "default-serviceaccount-automount",
  title: "Default ServiceAccount automounts its token",
  category: "secrets",
  severity: "low",
  kinds: ["ServiceAccount"],
  description:
    "The default ServiceAccount is used by every pod that names none. Unless it sets automountServiceAccountToken: false, all those pods carry an API token they almost never need.",
  remediation: "Set automountServiceAccountToken: false on the default ServiceAccount of each namespace.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { kubescape: ["C-0189"], cis: ["5.1.5"], nsa: ["PS-SA"] },
  *evaluate(ctx) {
    for (const sa of ctx.index.byKind("ServiceAccount")) {
      if (sa.metadata.name !== "default") continue;
      if ((sa as any).automountServiceAccountToken === false) continue;
      yield {
        object: sa,
        path: "automountServiceAccountToken",
        observed: (sa as any).automountServiceAccountToken === true ? "true" : "<unset>",
        message: `The default ServiceAccount in namespace "${sa.metadata.namespace ?? "default"}" automounts its token.`,
        fix: { type: "merge-patch", content: '{"automountServiceAccountToken":false}' },
      };
    }
  },
});
