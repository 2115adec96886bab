import { IMPERSONATE, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

export const rbacImpersonate = roleContentRule({
  id: "rbac-impersonate",
  title: "Role allows impersonating users, groups or service accounts",
  category: "rbac",
  severity: "high",
  description:
    "The impersonate verb lets a subject act as another user, group (system:masters included) or service account, gaining all of their permissions.",
  remediation: "Remove impersonate, or restrict it with resourceNames to specific, low-privilege identities.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation"],
  peers: { trivy: ["KSV-0043"], kubescape: ["C-0065", "C-0191:rule-can-impersonate-users-groups-v1"], cis: ["5.1.8"], nsa: ["RBAC"] },
  skip: (role) => role.kind === "ClusterRole" && ["admin", "edit", "cluster-admin"].includes(role.metadata?.name ?? ""),
  matches: (r) => ruleGrants(r, IMPERSONATE),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can act as other identities`,
});
