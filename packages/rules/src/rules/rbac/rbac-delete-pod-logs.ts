import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = { verbs: ["delete", "deletecollection"], resources: [["", "pods/log"]] as const };

export const rbacDeletePodLogs = roleContentRule({
  id: "rbac-delete-pod-logs",
  title: "Role can delete pod logs",
  category: "rbac",
  severity: "medium",
  description: "Deleting pods/log lets an attacker erase the evidence of what a container did.",
  remediation: "Remove delete and deletecollection on pods/log.",
  references: ["https://kubernetes.io/docs/concepts/cluster-administration/logging/"],
  peers: { trivy: ["KSV-0042"], nsa: ["LOG"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on pods/log: can erase container logs`,
});
