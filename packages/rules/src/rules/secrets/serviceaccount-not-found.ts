import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { findNamed } from "../../helpers/selectors";

export const serviceaccountNotFound = defineRule({
  id: "serviceaccount-not-found",
  title: "Workload references a ServiceAccount that does not exist",
  category: "secrets",
  severity: "low",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["ServiceAccount"],
  clusterScope: true,
  description:
    "Pods naming a missing ServiceAccount are rejected at creation, so the workload cannot start or scale; and whoever later creates an account with that name silently decides its permissions.",
  remediation: "Create the ServiceAccount (with least-privilege bindings) or fix serviceAccountName.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/"],
  peers: { kubeLinter: ["non-existent-service-account"], kubescape: ["C-0307"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const name = ref.spec.serviceAccountName || ref.spec.serviceAccount;
      if (typeof name !== "string" || !name || name === "default") continue;
      if (findNamed(ctx, "ServiceAccount", ref.object.metadata.namespace, name)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: name,
        message: `ServiceAccount "${name}" does not exist in namespace "${ref.object.metadata.namespace ?? "default"}".`,
      };
    }
  },
});
