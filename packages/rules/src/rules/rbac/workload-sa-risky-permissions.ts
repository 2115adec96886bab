import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import {
  BIND_ESCALATE, CREATE_WORKLOADS, EXEC_ATTACH, IMPERSONATE, READ_ANY_SECRET,
  bindingLabel, grantedRules, grants, isAdminRule, isDefaultBinding, rbacIndex, serviceAccountName, tokenMounted,
  type BindingInfo,
  type PermissionCheck,
} from "../../helpers/rbac";
import { nsOf } from "../../helpers/selectors";
import type { RawFinding } from "../../types";

const RISKS: ReadonlyArray<[string, PermissionCheck]> = [
  ["read Secrets", READ_ANY_SECRET],
  ["create or change workloads", CREATE_WORKLOADS],
  ["exec into pods", EXEC_ATTACH],
  ["bind or escalate roles", BIND_ESCALATE],
  ["impersonate identities", IMPERSONATE],
  ["proxy to kubelets", { verbs: ["get", "create"], resources: [["", "nodes/proxy"]] }],
];

// Many pods share a service account and so the same bindings: judge each binding once.
const riskCache = new WeakMap<BindingInfo, { admin: boolean; risks: string[] }>();
function risksOf(b: BindingInfo): { admin: boolean; risks: string[] } {
  const hit = riskCache.get(b);
  if (hit) return hit;
  const rules = grantedRules(b) ?? [];
  const out = {
    admin: rules.some(isAdminRule) || (b.roleKind === "ClusterRole" && b.roleName === "cluster-admin"),
    risks: RISKS.filter(([, check]) => grants(rules, check)).map(([what]) => what),
  };
  riskCache.set(b, out);
  return out;
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
        const r = risksOf(b);
        if (r.admin) admin = true;
        for (const what of r.risks) found.push(`${what} ${b.scope === undefined ? "cluster-wide" : `in ${ns}`} via ${bindingLabel(b)}`);
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
