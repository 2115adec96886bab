import { RBAC_GROUP, ruleGrants, rolesOfKind, roleName, type PolicyRule } from "../../helpers/rbac";
import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

const CREATE_BINDINGS = { verbs: ["create"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] as const };
const BIND = { verbs: ["bind"], resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]] as const };

export const rbacGrantAnyRole = defineRule({
  id: "rbac-grant-any-role",
  title: "Role can create bindings to any role",
  category: "rbac",
  severity: "high",
  kinds: ["Role", "ClusterRole"],
  description:
    "A role that can both create (Cluster)RoleBindings and bind (Cluster)Roles can hand any subject, itself included, any role it may bind, cluster-admin when the bind grant is unrestricted.",
  remediation: "Split binding creation from the bind verb, or restrict bind with resourceNames to specific low-privilege roles.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update"],
  peers: { trivy: ["KSV-0051", "KSV-0052"], kubescape: ["C-0191"], cis: ["5.1.8"], nsa: ["RBAC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    // Roles repeat the same PolicyRules: judge each content (contentIds) once per check.
    const creates = new Map<number, boolean>();
    const binds = new Map<number, boolean>();
    const first = (rules: readonly PolicyRule[], ids: readonly number[], memo: Map<number, boolean>, test: (r: PolicyRule) => boolean): number => {
      for (let i = 0; i < rules.length; i++) {
        const id = ids[i]!;
        let hit = memo.get(id);
        if (hit === undefined) {
          hit = test(rules[i]!);
          if (id >= 0) memo.set(id, hit);
        }
        if (hit) return i;
      }
      return -1;
    };
    for (const kind of ["Role", "ClusterRole"]) {
      for (const { role, rules, isDefault, contentIds } of rolesOfKind(ctx, kind)) {
        if (isDefault) continue;
        const c = first(rules, contentIds, creates, (r) => ruleGrants(r, CREATE_BINDINGS));
        if (c < 0) continue;
        // bind limited to named roles other than "*" is a deliberate, bounded delegation.
        const b = first(rules, contentIds, binds, (r) => ruleGrants(r, { ...BIND, includeNamed: false }));
        if (b < 0) continue;
        yield {
          object: role,
          path: `rules[${b}]`,
          observed: { createBindings: `rules[${c}]`, bind: rules[b]!.resources },
          message: `${roleName(role)} can create bindings (rules[${c}]) and bind any role (rules[${b}]): it can grant itself any bindable role`,
        };
      }
    }
  },
});
