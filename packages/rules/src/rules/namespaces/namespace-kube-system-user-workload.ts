import { defineRule, podSpecs, WORKLOAD_KINDS } from "../../helpers/pod";
import type { RawFinding } from "../../types";

// Add-ons that legitimately live in kube-system (CNI, DNS, CSI, cloud agents), by app label or name.
const SYSTEM_APPS = [
  "kube-dns", "coredns", "kube-proxy", "metrics-server", "calico-node", "calico-kube-controllers", "cilium",
  "cilium-operator", "hubble-relay", "aws-node", "ebs-csi-controller", "ebs-csi-node", "efs-csi-controller",
  "efs-csi-node", "kube-flannel", "flannel", "weave-net", "konnectivity-agent", "cluster-autoscaler",
  "metadata-proxy", "gke-metadata-server", "azure-ip-masq-agent", "cloud-node-manager", "csi-azuredisk-node",
  "csi-azurefile-node", "kube-state-metrics", "local-path-provisioner", "traefik", "svclb", "snapshot-controller",
  "pdcsi-node", "fluentbit-gke", "event-exporter", "l7-default-backend", "antrea-agent", "antrea-controller",
];

function isSystemComponent(labels: Record<string, string>, name: string): boolean {
  // Static control-plane pods carry component + tier=control-plane.
  if (labels.component && labels.tier === "control-plane") return true;
  if (labels["addonmanager.kubernetes.io/mode"]) return true;
  for (const key of ["k8s-app", "app.kubernetes.io/name", "app", "name"]) {
    const v = labels[key];
    if (v && SYSTEM_APPS.includes(v)) return true;
  }
  return SYSTEM_APPS.some((a) => name === a || name.startsWith(`${a}-`));
}

export const namespaceKubeSystemUserWorkload = defineRule({
  id: "namespace-kube-system-user-workload",
  title: "User workload runs in kube-system",
  category: "namespaces",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "kube-system holds the cluster's own components and their highly privileged service accounts and Secrets; an application placed there shares that trust boundary, and anyone managing it gets access to the control plane's credentials.",
  remediation: "Move the workload to its own namespace.",
  references: ["https://kubernetes.io/docs/concepts/security/multi-tenancy/#namespaces"],
  peers: { trivy: ["KSV-0037"], nsa: ["NSP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const ref of podSpecs(ctx)) {
      if (ref.object.metadata?.namespace !== "kube-system") continue;
      const labels = { ...ref.object.metadata?.labels, ...ref.meta.labels };
      if (isSystemComponent(labels, ref.object.metadata?.name ?? "")) continue;
      yield { object: ref.object, path: "metadata.namespace", observed: "kube-system", message: `${ref.object.kind} ${ref.object.metadata?.name} is not a recognised cluster component but runs in kube-system` };
    }
  },
});
