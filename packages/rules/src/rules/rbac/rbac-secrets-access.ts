import { MANAGE_VERBS, READ_VERBS, ruleGrants, roleContentRule, roleName, SECRETS, list } from "../../helpers/rbac";

// Grants limited to named Secrets (resourceNames) are a bounded delegation: not reported.
const CHECK = { verbs: [...READ_VERBS, ...MANAGE_VERBS], resources: SECRETS, includeNamed: false };

export const rbacSecretsAccess = roleContentRule({
  id: "rbac-secrets-access",
  title: "Role grants access to Secrets",
  category: "rbac",
  severity: "medium",
  description:
    "Reading Secrets (get, list, watch) reveals credentials and service-account tokens; list and watch return every Secret's value at once. Writing them lets a subject plant credentials. Grant it only to the components that need it; a grant limited to named Secrets (resourceNames) is not reported.",
  remediation: "Remove secrets from the rule, or restrict it to named Secrets with resourceNames and the get verb only.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets"],
  peers: { trivy: ["KSV-0041", "KSV-0113"], kubeLinter: ["access-to-secrets"], cis: ["5.1.2"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on Secrets`,
});
