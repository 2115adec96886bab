import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { coversPath, hostPathVolumes } from "../../helpers/security-context";

// Files where cloud providers and node bootstrap put credentials for the node's cloud identity.
const CREDENTIAL_FILES = [
  "/etc/kubernetes/azure.json",
  "/etc/kubernetes/cloud.conf",
  "/etc/kubernetes/cloud-config",
  "/etc/gce.conf",
  "/var/lib/waagent",
  "/root/.aws",
  "/root/.azure",
  "/root/.config/gcloud",
  "/home/kubernetes/.config/gcloud",
];
// Per-user credential directories, wherever the home directory is.
const CREDENTIAL_DIRS = ["/.aws", "/.azure", "/.config/gcloud", "/.oci", "/.kube"];

export const cloudCredentialsMount = defineRule({
  id: "cloud-credentials-mount",
  title: "Cloud credentials mounted from the node",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A hostPath volume exposes files where the node keeps cloud credentials (azure.json, cloud config, ~/.aws, gcloud configuration). A pod reading them acts with the node's cloud identity.",
  remediation: "Remove the mount and give the workload its own narrowly scoped cloud identity (IRSA / EKS Pod Identity, Azure Workload Identity, GKE Workload Identity).",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubescape: ["C-0020"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p || p === "/") continue; // the root mount is reported by host-path-sensitive
        const hit =
          CREDENTIAL_FILES.find((f) => coversPath(p, f) || coversPath(f, p)) ??
          CREDENTIAL_DIRS.find((d) => p.endsWith(d) || p.includes(`${d}/`));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: `Volume "${v.name}" mounts ${p}, where the node keeps cloud credentials.`,
        };
      }
    }
  },
});
