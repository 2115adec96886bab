import { defineRule } from "../../helpers/pod";
import { rbacIndex } from "../../helpers/rbac";
import type { RawFinding } from "../../types";

export const rbacBindingMissingServiceAccount = defineRule({
  id: "rbac-binding-missing-service-account",
  title: "Binding grants a role to a service account that does not exist",
  category: "rbac",
  severity: "low",
  kinds: ["RoleBinding", "ClusterRoleBinding"],
  requiresKinds: ["ServiceAccount"],
  clusterScope: true,
  description:
    "A binding subject naming a missing service account is a standing grant: anyone able to create a service account with that name in that namespace inherits the role.",
  remediation: "Remove the subject (or the binding), or create the service account deliberately.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects"],
  peers: { nsa: ["RBAC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const b of rbacIndex(ctx).bindings) {
      for (let i = 0; i < b.subjects.length; i++) {
        const s = b.subjects[i]!;
        if (s.kind !== "ServiceAccount") continue;
        const ns = s.namespace || b.scope;
        if (!ns) continue;
        if (ctx.index.byName("ServiceAccount", ns, s.name)) continue;
        if (ns === "default" && ctx.index.byName("ServiceAccount", undefined, s.name)) continue;
        // Every namespace has its "default" service account, whether or not the read listed it.
        if (s.name === "default") continue;
        yield { object: b.binding, path: `subjects[${i}]`, observed: `ServiceAccount ${ns}/${s.name}`, message: `grants ${b.roleKind} ${b.roleName} to ServiceAccount ${ns}/${s.name}, which does not exist` };
      }
    }
  },
});
