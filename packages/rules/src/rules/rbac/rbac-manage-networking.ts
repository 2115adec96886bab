import { MANAGE_VERBS, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

const CHECK = {
  verbs: MANAGE_VERBS,
  resources: [
    ["", "services"], ["", "endpoints"], ["discovery.k8s.io", "endpointslices"],
    ["networking.k8s.io", "networkpolicies"], ["networking.k8s.io", "ingresses"], ["extensions", "ingresses"],
  ] as const,
};

export const rbacManageNetworking = roleContentRule({
  id: "rbac-manage-networking",
  title: "Role can modify Services, endpoints, Ingresses or NetworkPolicies",
  category: "rbac",
  severity: "low",
  description:
    "Writing Services, Endpoints(Slices), Ingresses or NetworkPolicies lets a subject redirect or intercept traffic, expose workloads, or lift network isolation.",
  remediation: "Grant networking write access only to the identities that deploy applications or manage the network.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/"],
  peers: { trivy: ["KSV-0056"], nsa: ["NP"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: can redirect traffic or lift isolation`,
});
