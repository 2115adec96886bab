// The least-privilege way in: a read-only ServiceAccount for Bulwark's scanner and the kubectl
// commands that turn its token into a kubeconfig. Pure, so the page and a download share it.
import { RESOURCES_TO_READ } from "@bulwark/k8s/resources";

export function scannerManifest(opts: { allowSecretMetadata: boolean; namespace: string }): string {
  const ns = opts.namespace;
  const byGroup = new Map<string, Set<string>>();
  for (const r of RESOURCES_TO_READ) {
    // Secret values never leave the cluster unless an admin opts in; even then Bulwark stores
    // only key names and sizes (the reader redacts values before anything is kept).
    if (r.resource === "secrets" && !opts.allowSecretMetadata) continue;
    const set = byGroup.get(r.group) ?? new Set<string>();
    set.add(r.resource);
    byGroup.set(r.group, set);
  }
  const rules = [...byGroup.entries()]
    .map(([group, resources]) =>
      [
        `  - apiGroups: [${JSON.stringify(group)}]`,
        `    resources: [${[...resources].sort().map((r) => JSON.stringify(r)).join(", ")}]`,
        `    verbs: ["get", "list", "watch"]`,
      ].join("\n"),
    )
    .join("\n");
  return `# Bulwark scanner: read-only access for posture scans.
# It also reads what in-cluster scanners stored, when installed: Trivy Operator's reports
# (aquasecurity.github.io) and PolicyReports (wgpolicyk8s.io) from Kyverno, Kubescape and others.
# Apply with: kubectl apply -f bulwark-scanner.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: bulwark-scanner
  namespace: ${ns}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: bulwark-scanner
  labels:
    app.kubernetes.io/name: bulwark-scanner
rules:
${rules}
  - nonResourceURLs: ["/version", "/api", "/apis", "/apis/*"]
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: bulwark-scanner
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: bulwark-scanner
subjects:
  - kind: ServiceAccount
    name: bulwark-scanner
    namespace: ${ns}
---
# A long-lived token for the ServiceAccount. Delete this Secret to revoke Bulwark's access.
apiVersion: v1
kind: Secret
type: kubernetes.io/service-account-token
metadata:
  name: bulwark-scanner-token
  namespace: ${ns}
  annotations:
    kubernetes.io/service-account.name: bulwark-scanner
`;
}

export function kubeconfigCommands(namespace: string): string {
  return `# 1. Create the read-only scanner identity
kubectl apply -f bulwark-scanner.yaml

# 2. Build a kubeconfig from its token (uses your current context's API server)
SERVER=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')
CA=$(kubectl -n ${namespace} get secret bulwark-scanner-token -o jsonpath='{.data.ca\\.crt}')
TOKEN=$(kubectl -n ${namespace} get secret bulwark-scanner-token -o jsonpath='{.data.token}' | base64 -d)

kubectl config --kubeconfig=bulwark-kubeconfig.yaml set-cluster cluster --server="$SERVER"
kubectl config --kubeconfig=bulwark-kubeconfig.yaml set clusters.cluster.certificate-authority-data "$CA"
kubectl config --kubeconfig=bulwark-kubeconfig.yaml set-credentials bulwark-scanner --token="$TOKEN"
kubectl config --kubeconfig=bulwark-kubeconfig.yaml set-context bulwark --cluster=cluster --user=bulwark-scanner
kubectl config --kubeconfig=bulwark-kubeconfig.yaml use-context bulwark

# 3. Upload bulwark-kubeconfig.yaml here, then delete the local copy
`;
}
