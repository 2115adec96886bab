import { PORT_FORWARD, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

export const rbacPortForward = roleContentRule({
  id: "rbac-port-forward",
  title: "Role allows port-forwarding into pods",
  category: "rbac",
  severity: "medium",
  description:
    "pods/portforward opens a tunnel from the user's machine to any port of a pod, bypassing Services, Ingress and NetworkPolicies.",
  remediation: "Remove pods/portforward from the role, or grant it only temporarily.",
  references: ["https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/"],
  peers: { kubescape: ["C-0063"], nsa: ["RBAC"] },
  skip: (role) => role.kind === "ClusterRole" && ["admin", "edit", "cluster-admin"].includes(role.metadata?.name ?? ""),
  matches: (r) => ruleGrants(r, PORT_FORWARD),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: tunnels into pods past network policy`,
});
