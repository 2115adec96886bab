import { RBAC_GROUP, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

// bind/escalate on roles let a subject grant or create permissions it does not hold. Trivy also
// counts impersonate and "*" on the RBAC resources; both mean full control of RBAC objects.
const CHECK = {
  verbs: ["bind", "escalate", "impersonate"],
  resources: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"], [RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] as const,
};

export const rbacBindEscalate = roleContentRule({
  id: "rbac-bind-escalate",
  title: "Role can bind or escalate roles",
  category: "rbac",
  severity: "high",
  description:
    "The bind and escalate verbs bypass RBAC's escalation check: the subject can bind roles, or write roles, with permissions it does not itself have, up to cluster-admin.",
  remediation: "Remove bind and escalate (and \"*\") on roles, clusterroles and bindings from the role.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb"],
  peers: { trivy: ["KSV-0050"], kubescape: ["C-0191", "C-0191:rule-can-bind-escalate"], cis: ["5.1.8"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can grant permissions it does not hold`,
});
