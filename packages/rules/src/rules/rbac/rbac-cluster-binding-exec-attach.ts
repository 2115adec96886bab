import { EXEC_ATTACH, bindingRule, findGrant, subjectList, scopeLabel } from "../../helpers/rbac";

// In a manifest set, a binding to a role missing from the set is reported too: whoever creates
// that role decides what it grants (Polaris treats it the same way).
export const rbacClusterBindingExecAttach = bindingRule({
  id: "rbac-cluster-binding-exec-attach",
  title: "ClusterRoleBinding grants exec/attach cluster-wide",
  category: "rbac",
  severity: "high",
  bindingKind: "ClusterRoleBinding",
  roleKind: "ClusterRole",
  description:
    "Subjects of this binding can open a shell in, or attach to, running containers (pods/exec, pods/attach) in every namespace, acting with each pod's service account and reading its mounted Secrets.",
  remediation: "Bind a role without pods/exec and pods/attach; grant shell access just-in-time for debugging.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks"],
  peers: { polaris: ["clusterrolebindingPodExecAttach"], kubescape: ["C-0002"], nsa: ["RBAC"] },
  judge: (b, rules, ctx) => {
    if (b.roleName === "view" || b.roleName === "cluster-admin") return undefined;
    // On a whole cluster the missing role grants nothing now; rbac-binding-missing-role reports it.
    if (!rules) return ctx.snapshot.kindsComplete ? undefined : { message: `references ClusterRole ${b.roleName}, which is not in the snapshot: its grants, possibly exec/attach, cannot be verified`, observed: "missing role" };
    const i = findGrant(rules, EXEC_ATTACH);
    if (i < 0) return undefined;
    return { message: `grants exec/attach into pods ${scopeLabel(b)} via ClusterRole ${b.roleName} to ${subjectList(b)}`, observed: rules[i] };
  },
});
