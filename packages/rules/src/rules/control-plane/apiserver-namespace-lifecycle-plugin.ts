import { controlPlaneRule, listExcludes } from "../../helpers/control-plane";

export const apiserverNamespaceLifecyclePlugin = controlPlaneRule({
  id: "apiserver-namespace-lifecycle-plugin",
  title: "API server disables the NamespaceLifecycle plugin",
  category: "control-plane",
  severity: "medium",
  component: "kube-apiserver",
  description: "Without NamespaceLifecycle, objects can be created in namespaces that are being deleted or do not exist.",
  remediation: "Remove NamespaceLifecycle from --disable-admission-plugins.",
  references: ["https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/"],
  peers: { cis: ["1.2.13"], trivy: ["KCV-0015"], nsa: ["CP"] },
  check: listExcludes("disable-admission-plugins", "NamespaceLifecycle", [], "objects can be created in terminating or missing namespaces"),
});
