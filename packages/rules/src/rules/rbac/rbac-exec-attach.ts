import { EXEC_ATTACH, ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

// The built-in user-facing ClusterRoles admin and edit carry exec by design; their bindings are
// judged by the binding rules instead.
const BUILTIN = new Set(["admin", "edit", "cluster-admin", "gce:podsecuritypolicy:calico-sa"]);

export const rbacExecAttach = roleContentRule({
  id: "rbac-exec-attach",
  title: "Role allows exec or attach into pods",
  category: "rbac",
  severity: "high",
  description:
    "pods/exec and pods/attach (create, or get over a WebSocket) give a shell in running containers: the holder acts with the container's service account, reads its mounted Secrets and bypasses every pod-level control.",
  remediation: "Remove pods/exec and pods/attach from the role; grant them just-in-time for debugging only.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  peers: {
    polaris: ["clusterrolePodExecAttach", "rolePodExecAttach"],
    trivy: ["KSV-0053", "KSV-0054"],
    kubescape: ["C-0002"],
    nsa: ["RBAC"],
  },
  skip: (role) => role.kind === "ClusterRole" && BUILTIN.has(role.metadata?.name ?? ""),
  matches: (r) => ruleGrants(r, EXEC_ATTACH),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on [${list(r.resources)}]: shell access into pods`,
});
