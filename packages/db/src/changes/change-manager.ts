// Who made a change, in words: the raw field manager of metadata.managedFields ("kubectl-client-
// side-apply", "helm", "argocd-controller", "kube-controller-manager") grouped by the tool behind it.

export type TManagerGroup = "kubectl" | "helm" | "gitops" | "iac" | "controller" | "other";

export interface TManagerView {
  /** the tool family, for grouping filter options */
  group: TManagerGroup;
  /** what a person reads: "kubectl (client-side apply)", "Helm", "Argo CD", "controller: kube-controller-manager" */
  label: string;
}

/** kubectl's own field managers: `kubectl <verb>` records "kubectl-<verb>"; server-side apply (and a write without one) records "kubectl". */
const KUBECTL_VERBS: Record<string, string> = {
  "client-side-apply": "client-side apply",
  apply: "server-side apply",
  edit: "edit",
  create: "create",
  patch: "patch",
  replace: "replace",
  label: "label",
  annotate: "annotate",
  scale: "scale",
  set: "set",
  rollout: "rollout",
  run: "run",
  expose: "expose",
  autoscale: "autoscale",
  taint: "taint",
};

const KNOWN: Array<{ test: RegExp; group: TManagerGroup; label: string }> = [
  { test: /^helm$/i, group: "helm", label: "Helm" },
  { test: /^(argocd|argo-cd)(-.*)?$/i, group: "gitops", label: "Argo CD" },
  { test: /^(helm-controller|kustomize-controller|flux.*)$/i, group: "gitops", label: "Flux" },
  { test: /^terraform/i, group: "iac", label: "Terraform" },
  { test: /^pulumi/i, group: "iac", label: "Pulumi" },
];

export function describeManager(raw: string | null | undefined): TManagerView | null {
  const name = raw?.trim();
  if (!name) return null;
  // "kubectl" is server-side apply's manager, and also what the API server names a kubectl write that
  // set no field manager (kubectl scale): say only kubectl.
  if (name === "kubectl") return { group: "kubectl", label: "kubectl" };
  if (name.startsWith("kubectl-")) {
    const verb = name.slice("kubectl-".length);
    return { group: "kubectl", label: `kubectl (${KUBECTL_VERBS[verb] ?? verb.replace(/-/g, " ")})` };
  }
  for (const k of KNOWN) if (k.test.test(name)) return { group: k.group, label: name.toLowerCase() === k.label.toLowerCase() ? k.label : `${k.label} (${name})` };
  // Core components and operators name themselves after what they run as.
  if (/^kube-(controller-manager|scheduler|apiserver)$|^kubelet$|controller|operator/i.test(name)) return { group: "controller", label: `controller: ${name}` };
  return { group: "other", label: name };
}

export const MANAGER_GROUP_LABEL: Record<TManagerGroup, string> = {
  kubectl: "kubectl",
  helm: "Helm",
  gitops: "GitOps",
  iac: "Infrastructure as code",
  controller: "Controllers",
  other: "Other clients",
};
