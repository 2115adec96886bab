import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import { bindingLabel, grantedRules, isAdminRule, isDefaultBinding, rbacIndex, roleLabel, scopeLabel, serviceAccountName, tokenMounted } from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

export const workloadSaAdminRights = defineRule({
  id: "workload-sa-admin-rights",
  title: "Workload runs as a service account with admin rights",
  category: "rbac",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding", "ClusterRole"],
  description:
    "The pod's service account is bound to cluster-admin or a wildcard role. Anyone who compromises the container (an RCE, a malicious dependency) gets those rights from the mounted token: cluster takeover for a ClusterRoleBinding.",
  remediation: "Give the workload its own service account bound to a least-privilege role, and set automountServiceAccountToken: false if it does not call the API.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#least-privilege"],
  peers: { kubescape: ["C-0272"], cis: ["5.1.1"], nsa: ["RBAC", "PS-SA"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      if (!tokenMounted(ctx, ref)) continue;
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      for (const b of rbac.bindingsForServiceAccount(ns, sa)) {
        if (b.scope !== undefined && b.scope !== ns) continue;
        if (isDefaultBinding(b.binding)) continue;
        const admin = b.roleName === "cluster-admin" && b.roleKind === "ClusterRole" ? true : grantedRules(b)?.some(isAdminRule);
        if (!admin) continue;
        yield {
          object: ref.object,
          path: `${ref.path}.serviceAccountName`,
          observed: `${ns}/${sa}`,
          message: `runs as ServiceAccount ${ns}/${sa}, which holds admin rights ${scopeLabel(b)} via ${bindingLabel(b)} (${roleLabel(b)})`,
        };
        break;
      }
    }
  },
});
