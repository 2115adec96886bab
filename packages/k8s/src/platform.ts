// Which Kubernetes distribution a cluster runs, from its version string, nodes and served groups.
import type { KubeObject, PlatformHint } from "@bulwark/rules";

export function platformFromVersion(gitVersion: string | undefined): PlatformHint | undefined {
  if (!gitVersion) return undefined;
  if (/-eks-/.test(gitVersion)) return "eks";
  if (/-gke\./.test(gitVersion)) return "gke";
  if (/\+k3s/.test(gitVersion)) return "k3s";
  if (/\+rke2/.test(gitVersion)) return "rke";
  return undefined;
}

function fromNode(node: KubeObject): PlatformHint | undefined {
  const labels = node.metadata.labels ?? {};
  const keys = Object.keys(labels);
  const providerID = String((node.spec as { providerID?: unknown } | undefined)?.providerID ?? "");
  const has = (prefix: string) => keys.some((k) => k.startsWith(prefix));
  if (has("node.openshift.io/") || has("machine.openshift.io/")) return "openshift";
  if (has("eks.amazonaws.com/")) return "eks";
  if (has("cloud.google.com/gke")) return "gke";
  if (has("kubernetes.azure.com/")) return "aks";
  if (has("k3s.io/") || labels["node.kubernetes.io/instance-type"] === "k3s" || providerID.startsWith("k3s://")) return "k3s";
  if (has("rke.cattle.io/") || has("rke2.io/")) return "rke";
  if (providerID.startsWith("kind://")) return "kind";
  if (providerID.startsWith("gce://") && has("cloud.google.com/")) return "gke";
  if (providerID.startsWith("azure://") && has("kubernetes.azure.com")) return "aks";
  return undefined;
}

export function detectPlatform(gitVersion: string | undefined, nodes: readonly KubeObject[], servedVersions: readonly string[]): PlatformHint {
  const byVersion = platformFromVersion(gitVersion);
  if (byVersion) return byVersion;
  if (servedVersions.some((gv) => gv.endsWith(".openshift.io/v1") && gv.startsWith("config."))) return "openshift";
  for (const n of nodes) {
    const hint = fromNode(n);
    if (hint) return hint;
  }
  return "unknown";
}
