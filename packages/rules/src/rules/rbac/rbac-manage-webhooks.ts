import { MANAGE_VERBS, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const G = "admissionregistration.k8s.io";
const CHECK = {
  verbs: MANAGE_VERBS,
  resources: [[G, "validatingwebhookconfigurations"], [G, "mutatingwebhookconfigurations"], [G, "validatingadmissionpolicies"], [G, "validatingadmissionpolicybindings"]] as const,
  // A controller that patches its own webhook (caBundle injection) names it in resourceNames.
  includeNamed: false,
};

export const rbacManageWebhooks = roleContentRule({
  id: "rbac-manage-webhooks",
  title: "Role can modify admission webhooks or policies",
  category: "rbac",
  severity: "high",
  description:
    "Whoever writes admission webhook configurations can disable policy enforcement or register a mutating webhook that injects containers into, or reads, every object created in the cluster. Write access limited to named configurations (a controller updating its own webhook's caBundle) is not reported.",
  remediation: "Grant write access to admission configuration only to the policy engine's installer.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#control-admission-webhooks"],
  peers: { trivy: ["KSV-0114"], kubescape: ["C-0281"], cis: ["5.1.12"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can disable or hijack admission control`,
});
