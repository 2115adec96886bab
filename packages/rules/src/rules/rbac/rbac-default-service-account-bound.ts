import { SYSTEM_NAMESPACES } from "../../helpers/namespaces-scan";
import { defineRule } from "../../helpers/pod";
import { isDefaultBinding, rbacIndex, roleLabel, scopeLabel } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

export const rbacDefaultServiceAccountBound = defineRule({
  id: "rbac-default-service-account-bound",
  title: "Binding grants a role to a namespace's default service account",
  category: "rbac",
  severity: "medium",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  description:
    "Every pod that names no service account runs as its namespace's \"default\" account, so a role bound to it is handed to all such pods, including ones created later for unrelated purposes.",
  remediation: "Create a dedicated service account for the workload that needs the role, bind the role to it, and leave \"default\" without bindings.",
  references: ["https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts"],
  peers: { cis: ["5.1.5"], nsa: ["PS-SA", "RBAC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      if (isDefaultBinding(b.binding)) continue;
      for (let i = 0; i < b.subjects.length; i++) {
        const s = b.subjects[i]!;
        if (s.kind !== "ServiceAccount" || s.name !== "default") continue;
        const ns = s.namespace || b.scope || "default";
        if (SYSTEM_NAMESPACES.has(ns)) continue;
        yield {
          object: b.binding,
          path: `subjects[${i}]`,
          observed: `ServiceAccount ${ns}/default`,
          message: `${roleLabel(b)} is granted ${scopeLabel(b)} to ${ns}/default, i.e. to every pod in ${ns} without its own service account`,
        };
      }
    }
  },
});
