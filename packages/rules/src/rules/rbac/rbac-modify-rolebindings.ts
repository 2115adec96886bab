import { RBAC_GROUP, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const GET = { verbs: ["get"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] as const };
const WRITE = { verbs: ["patch", "update"], resources: [[RBAC_GROUP, "rolebindings"], [RBAC_GROUP, "clusterrolebindings"]] as const };

export const rbacModifyRolebindings = roleContentRule({
  id: "rbac-modify-rolebindings",
  title: "Role can add subjects to existing bindings",
  category: "rbac",
  severity: "medium",
  description:
    "get with patch/update on (Cluster)RoleBindings lets a subject add users, groups or service accounts to existing bindings, handing out the bound roles.",
  remediation: "Remove patch/update on bindings; manage bindings through reviewed manifests.",
  references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping"],
  peers: { trivy: ["KSV-0055"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, GET) && ruleGrants(r, WRITE),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can add subjects to bindings`,
});
