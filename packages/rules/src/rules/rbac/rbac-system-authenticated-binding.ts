import { defineRule } from "../../helpers/pod";
import { isDefaultBinding, rbacIndex, roleLabel, scopeLabel } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

// Kubernetes' own bindings of system:authenticated (discovery, basic-user, public-info-viewer).
const DEFAULT_ROLES = new Set(["system:public-info-viewer", "system:discovery", "system:basic-user"]);

export const rbacSystemAuthenticatedBinding = defineRule({
  id: "rbac-system-authenticated-binding",
  title: "Binding grants permissions to every authenticated identity",
  category: "rbac",
  severity: "high",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "system:authenticated contains every user and every service account of the cluster (and, on GKE, any Google account): a role bound to it is effectively granted to everyone with any credential.",
  remediation: "Bind the role to specific users, groups or service accounts instead of system:authenticated.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings"],
  peers: { kubescape: ["C-0265"], nsa: ["RBAC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.roleKind === "ClusterRole" && DEFAULT_ROLES.has(b.roleName) && (isDefaultBinding(b.binding) || b.kind === "ClusterRoleBinding")) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s = b.subjects[i]!;
        if (s.kind !== "Group" || s.name !== "system:authenticated") continue;
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `Group ${s.name}`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to system:authenticated: every user and service account holds it`,
        };
      }
    }
  },
});
