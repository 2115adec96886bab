import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = {
  verbs: ["delete", "deletecollection"],
  resources: [
    ["", "secrets"], ["", "pods"], ["", "services"], ["", "configmaps"], ["", "persistentvolumeclaims"], ["", "persistentvolumes"],
    ["", "namespaces"], ["apps", "deployments"], ["apps", "statefulsets"], ["apps", "daemonsets"], ["apps", "replicasets"],
    ["batch", "jobs"], ["batch", "cronjobs"],
  ] as const,
};

export const rbacDeleteResources = roleContentRule({
  id: "rbac-delete-resources",
  title: "Role can delete workloads, data or namespaces",
  category: "rbac",
  severity: "low",
  description:
    "delete and deletecollection on namespaces, volumes, Secrets or workloads let a compromised identity destroy applications and data (ransomware, sabotage); deletecollection removes every object of a kind at once.",
  remediation: "Grant delete only to deployment automation and administrators; prefer GitOps reconciliation over interactive deletes.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Data%20destruction/"],
  peers: { kubescape: ["C-0007"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]`,
});
