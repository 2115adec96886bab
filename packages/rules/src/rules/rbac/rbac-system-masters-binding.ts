import { defineRule } from "../../helpers/pod";
import { isDefaultBinding, rbacIndex, roleLabel } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

export const rbacSystemMastersBinding = defineRule({
  id: "rbac-system-masters-binding",
  title: "Binding names the system:masters group",
  category: "rbac",
  severity: "high",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "Members of system:masters bypass RBAC entirely and cannot be stripped of access by removing bindings; a binding naming the group signals that certificates or tokens with that group are in use.",
  remediation: "Do not issue credentials with the system:masters group; bind a dedicated group to the roles it needs.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege"],
  peers: { trivy: ["KSV-0123"], kubescape: ["C-0246"], cis: ["5.1.7"], nsa: ["AUTHN"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s = b.subjects[i]!;
        if (s.kind !== "Group" || s.name !== "system:masters") continue;
        yield { object: b.binding, path: `subjects[${i}]`, observed: `Group ${s.name}`, message: `binds ${roleLabel(b)} to system:masters, a group that bypasses RBAC` };
      }
    }
  },
});
