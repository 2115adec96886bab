import { MANAGE_VERBS, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = { verbs: MANAGE_VERBS, resources: [["", "configmaps"]] as const };

export const rbacEksAwsAuth = roleContentRule({
  id: "rbac-eks-aws-auth",
  title: "Role can modify the EKS aws-auth ConfigMap",
  category: "rbac",
  severity: "high",
  description:
    "On EKS, kube-system/aws-auth maps IAM identities to Kubernetes users and groups; whoever can write it can map their IAM role to system:masters.",
  remediation: "Remove write access to aws-auth; manage it through EKS access entries or infrastructure-as-code only.",
  references: ["https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html"],
  peers: { trivy: ["KSV-0115"], nsa: ["AUTHN"] },
  matches: (r) => (r.resourceNames ?? []).includes("aws-auth") && ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on ConfigMap aws-auth: can map IAM identities to cluster admins`,
});
