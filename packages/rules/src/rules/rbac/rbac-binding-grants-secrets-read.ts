import { defineRule } from "../../helpers/pod";
import { READ_ANY_SECRET, bindingLabel, findGrant, grantedRules, isDefaultBinding, isSystemSubject, rbacIndex, roleLabel, scopeLabel } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

export const rbacBindingGrantsSecretsRead = defineRule({
  id: "rbac-binding-grants-secrets-read",
  title: "Binding lets subjects read Secrets",
  category: "rbac",
  severity: "medium",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "Judged on effective permissions (aggregated ClusterRoles, wildcards and the built-in admin/edit roles included): the binding's subjects can get, list or watch Secrets, cluster-wide for a ClusterRoleBinding. Listing returns every Secret's value. A grant limited to named Secrets (resourceNames) is not reported.",
  remediation: "Bind a role without Secrets access (e.g. view), or limit the Secrets rule to named Secrets with resourceNames.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets"],
  peers: { kubescape: ["C-0015", "C-0186"], cis: ["5.1.2"], nsa: ["RBAC", "SEC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      const subjects = b.subjects.filter((s) => !isSystemSubject(s));
      if (subjects.length === 0) continue;
      const rules = grantedRules(b);
      if (!rules) continue;
      const i = findGrant(rules, READ_ANY_SECRET);
      if (i < 0) continue;
      const who = subjects.map((s) => `${s.kind} ${s.kind === "ServiceAccount" ? `${s.namespace || b.scope}/` : ""}${s.name}`).join(", ");
      yield {
        object: b.binding,
        path: "roleRef",
        observed: { role: roleLabel(b), verbs: rules[i]!.verbs },
        message: `${bindingLabel(b)} lets ${who} read Secrets ${scopeLabel(b)} via ${roleLabel(b)}`,
      };
    }
  },
});
