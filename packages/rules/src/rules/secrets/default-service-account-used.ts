import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { isMirrorPod } from "../../helpers/probes";

export const defaultServiceAccountUsed = defineRule({
  id: "default-service-account-used",
  title: "Workload runs as the default ServiceAccount",
  category: "secrets",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "Every pod that names no ServiceAccount shares the namespace's default one, so any permission granted to it (often by a careless RoleBinding) reaches all of them, and audit logs cannot tell the workloads apart.",
  remediation: "Create a dedicated ServiceAccount per workload and set serviceAccountName; grant it only what the workload needs.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/"],
  peers: { kubeLinter: ["default-service-account"], cis: ["5.1.5"], nsa: ["RBAC"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      if (isMirrorPod(ref.object)) continue;
      const name = ref.spec.serviceAccountName || ref.spec.serviceAccount || "";
      if (name && name !== "default") continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: name || "<unset>",
        message: `Pods of ${ref.object.kind} "${ref.object.metadata.name ?? "?"}" run as the namespace's default ServiceAccount.`,
      };
    }
  },
});
