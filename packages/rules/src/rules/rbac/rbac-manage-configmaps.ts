import { MANAGE_VERBS, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = { verbs: MANAGE_VERBS, resources: [["", "configmaps"]] as const };

export const rbacManageConfigmaps = roleContentRule({
  id: "rbac-manage-configmaps",
  title: "Role can modify ConfigMaps",
  category: "rbac",
  severity: "low",
  description:
    "Writing ConfigMaps changes the configuration of the workloads that read them, e.g. CoreDNS' Corefile in kube-system (DNS poisoning) or an application's settings.",
  remediation: "Restrict ConfigMap write access with resourceNames, or to the namespaces that need it.",
  references: ["https://kubernetes.io/docs/concepts/configuration/configmap/"],
  peers: { trivy: ["KSV-0049"], kubescape: ["C-0037"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on ConfigMaps`,
});
