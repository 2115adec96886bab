import { defineRule, podSpecs, WORKLOAD_KINDS, type PodSpecRef } from "../../helpers/pod";
import {
  BIND_ESCALATE, CREATE_WORKLOADS, EXEC_ATTACH, IMPERSONATE, READ_SECRETS,
  bindingLabel, grantedRules, grants, isAdminRule, isDefaultBinding, rbacIndex, serviceAccountName,
  type PermissionCheck,
} from "../../helpers/rbac";
import { findNamed, nsOf } from "../../helpers/selectors";
import type { RawFinding, RuleContext } from "../../types";

const RISKS: ReadonlyArray<[string, PermissionCheck]> = [
  ["read Secrets", READ_SECRETS],
  ["create or change workloads", CREATE_WORKLOADS],
  ["exec into pods", EXEC_ATTACH],
  ["bind or escalate roles", BIND_ESCALATE],
  ["impersonate identities", IMPERSONATE],
  ["proxy to kubelets", { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] }],
];

/** Whether the pod gets an API token: pod setting wins, then the service account's, default yes. */
export function tokenMounted(ctx: RuleContext, ref: PodSpecRef): boolean {
  if (ref.spec?.automountServiceAccountToken === false) return false;
  if (ref.spec?.automountServiceAccountToken === true) return true;
  const sa = findNamed(ctx, "ServiceAccount", nsOf(ref.object), serviceAccountName(ref.spec));
  return (sa as any)?.automountServiceAccountToken !== false;
}

export const workloadSaRiskyPermissions = defineRule({
  id: "workload-sa-risky-permissions",
  title: "Workload runs as a service account with escalation-prone permissions",
  category: "rbac",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  requiresKinds: ["RoleBinding", "ClusterRoleBinding", "ClusterRole", "Role"],
  description:
    "Effective permissions of the pod's service account (bindings resolved, aggregated ClusterRoles and wildcards expanded) include reading Secrets, creating workloads, exec, bind/escalate, impersonation or nodes/proxy. A compromised container inherits them through its mounted token.",
  remediation: "Bind the service account to a role with only the verbs the application uses, or disable token automount when it does not call the API.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  peers: { kubescape: ["C-0267"], nsa: ["RBAC", "PS-SA"] },
  *evaluate(ctx): Iterable<RawFinding> {
    const rbac = rbacIndex(ctx);
    for (const ref of podSpecs(ctx)) {
      const ns = nsOf(ref.object);
      const sa = serviceAccountName(ref.spec);
      const bs = rbac.bindingsForServiceAccount(ns, sa);
      if (bs.length === 0 || !tokenMounted(ctx, ref)) continue;
      const found: string[] = [];
      let admin = false;
      for (const b of bs) {
        if (b.scope !== undefined && b.scope !== ns) continue;
        if (isDefaultBinding(b.binding)) continue;
        const rules = grantedRules(b);
        if (!rules) continue;
        if (rules.some(isAdminRule) || (b.roleKind === "ClusterRole" && b.roleName === "cluster-admin")) admin = true;
        for (const [what, check] of RISKS) {
          if (grants(rules, check)) found.push(`${what} ${b.scope === undefined ? "cluster-wide" : `in ${ns}`} via ${bindingLabel(b)}`);
        }
      }
      // Admin-level grants are reported by workload-sa-admin-rights.
      if (admin || found.length === 0) continue;
      yield {
        object: ref.object,
        path: `${ref.path}.serviceAccountName`,
        observed: `${ns}/${sa}`,
        message: `pod runs as ServiceAccount ${ns}/${sa}, which can ${found.join("; ")}`,
      };
    }
  },
});
