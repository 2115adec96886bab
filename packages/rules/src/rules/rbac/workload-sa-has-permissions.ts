import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { bindingLabel, isDefaultBinding, rbacIndex, roleLabel, serviceAccountName, tokenMounted } from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const workloadSaHasPermissions = defineRule({
  id: "workload-sa-has-permissions",
  title: "Workload mounts a token with RBAC permissions (inventory)",
  category: "rbac",
  severity: "info",
  profile: "strict",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "Lists workloads whose pods mount a service-account token that RBAC bindings give permissions: these are the pods from which a compromised container can act on the API. Review that each needs it.",
  remediation: "Set automountServiceAccountToken: false on workloads that do not call the Kubernetes API.",
  references: ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting"],
  peers: { kubescape: ["C-0053"], nsa: ["PS-SA"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      const bs = rbac.bindingsForServiceAccount(ns, sa).filter((b) => (b.scope === undefined || b.scope === ns) && !isDefaultBinding(b.binding));
      if (bs.length === 0 || !tokenMounted(ctx, ref)) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: `${ns}/${sa}`,
        message: `mounts the token of ServiceAccount ${ns}/${sa}, bound by ${bs.map((b) => `${bindingLabel(b)} (${roleLabel(b)})`).join(", ")}`,
      };
    }
  },
});
