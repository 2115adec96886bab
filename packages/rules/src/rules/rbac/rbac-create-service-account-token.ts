import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

// A grant limited to named service accounts (resourceNames) mints tokens for those only: not "any".
const CHECK = { verbs: ["create"], resources: [["", "serviceaccounts/token"]] as const, includeNamed: false };

export const rbacCreateServiceAccountToken = roleContentRule({
  id: "rbac-create-service-account-token",
  title: "Role can mint service-account tokens",
  category: "rbac",
  severity: "high",
  description:
    "create on serviceaccounts/token issues tokens for any service account in scope, so the subject gains those accounts' permissions. A grant limited to named service accounts (resourceNames) is not reported.",
  remediation: "Remove serviceaccounts/token create, or restrict it with resourceNames.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request"],
  peers: { kubescape: ["C-0282"], cis: ["5.1.13"], nsa: ["PS-SA"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on serviceaccounts/token: can act as any service account in scope`,
});
