import { defineRule } from "../../helpers/pod";
import { rbacIndex } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

export const rbacBindingMissingRole = defineRule({
  id: "rbac-binding-missing-role",
  title: "Binding references a role that does not exist",
  category: "rbac",
  severity: "low",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  requiresKinds: ["Role", "ClusterRole"],
  clusterScope: true,
  description:
    "A binding to a missing Role or ClusterRole grants nothing today, but whoever later creates a role with that name decides what the binding's subjects get.",
  remediation: "Delete the stale binding, or create the intended role deliberately.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding"],
  peers: { nsa: ["RBAC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.role) continue;
      if (b.roleKind !== "Role" && b.roleKind !== "ClusterRole") continue;
      yield {
        object: b.binding,
        path: "roleRef.name",
        observed: `${b.roleKind}/${b.roleName}`,
        message: `references ${b.roleKind} ${b.roleKind === "Role" ? `${b.scope}/` : ""}${b.roleName}, which does not exist`,
      };
    }
  },
});
