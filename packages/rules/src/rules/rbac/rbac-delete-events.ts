import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = { verbs: ["delete", "deletecollection"], resources: [["", "events"], ["events.k8s.io", "events"]] as const };

export const rbacDeleteEvents = roleContentRule({
  id: "rbac-delete-events",
  title: "Role can delete Events",
  category: "rbac",
  severity: "low",
  description: "Deleting Events removes the cluster's record of scheduling, image pulls and failures, helping an attacker hide their activity.",
  remediation: "Remove delete and deletecollection on events.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Delete%20K8S%20events/"],
  peers: { kubescape: ["C-0031"], nsa: ["LOG"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on events: can erase the audit trail of Events`,
});
