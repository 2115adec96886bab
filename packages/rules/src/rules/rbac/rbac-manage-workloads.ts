import { ruleGrants, roleContentRule, roleName, WORKLOAD_RESOURCES, list } from "../../helpers/rbac";

const CHECK = { verbs: ["create", "update", "patch", "delete", "deletecollection"], resources: WORKLOAD_RESOURCES };

export const rbacManageWorkloads = roleContentRule({
  id: "rbac-manage-workloads",
  title: "Role can create or change pods and workloads",
  category: "rbac",
  severity: "medium",
  description:
    "Whoever can create or modify pods or their controllers can run a pod with any service account in the namespace, mount its Secrets and, without admission control, start privileged containers: an escalation path to the namespace's and possibly the node's privileges.",
  remediation: "Grant workload write access only to CI/CD identities and operators, and enforce Pod Security Admission in the namespaces they deploy to.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation"],
  peers: { trivy: ["KSV-0048"], kubeLinter: ["access-to-create-pods"], kubescape: ["C-0188"], cis: ["5.1.4"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can start pods`,
});
