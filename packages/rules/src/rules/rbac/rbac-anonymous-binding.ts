import { defineRule } from "../../helpers/pod";
import { grantedRules, isAdminRule, rbacIndex, roleLabel, scopeLabel } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

const ANONYMOUS = new Set(["system:anonymous", "system:unauthenticated"]);
// Kubernetes binds system:unauthenticated to these by default (health, version, discovery).
const DEFAULT_PUBLIC = new Set(["system:public-info-viewer", "system:discovery", "system:basic-user"]);

export const rbacAnonymousBinding = defineRule({
  id: "rbac-anonymous-binding",
  title: "Binding grants permissions to anonymous users",
  category: "rbac",
  severity: "critical",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "A binding whose subject is system:anonymous or system:unauthenticated hands its role to anyone who can reach the API server, without credentials.",
  remediation: "Remove system:anonymous and system:unauthenticated from the binding's subjects and set --anonymous-auth=false where possible.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests"],
  peers: { trivy: ["KSV-0122"], kubescape: ["C-0262"], nsa: ["AUTHN"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (b.roleKind === "ClusterRole" && DEFAULT_PUBLIC.has(b.roleName)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s = b.subjects[i]!;
        if (!ANONYMOUS.has(s.name) || s.kind === "ServiceAccount") continue;
        const admin = grantedRules(b)?.some(isAdminRule);
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `${s.kind} ${s.name}`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to ${s.name}: anyone reaching the API server without credentials holds it${admin ? " (cluster-admin equivalent)" : ""}`,
        };
      }
    }
  },
});
