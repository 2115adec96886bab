import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { hostPathVolumes } from "../../helpers/security-context";

export const hostPathVolume = defineRule({
  id: "host-path-volume",
  title: "hostPath volume",
  category: "host-access",
  severity: "medium",
  kinds: WORKLOAD_KINDS,
  description:
    "A hostPath volume mounts a directory or file of the node into the pod. It bypasses storage isolation and is the most common first step from a container to the node (credentials, runtime sockets, kubelet files).",
  remediation: "Replace hostPath with a PersistentVolumeClaim, emptyDir, configMap or a CSI driver; if a node agent truly needs it, mount the narrowest path read-only.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { polaris: ["hostPathSet"], kubescape: ["C-0048"], trivy: ["KSV-0023"], pss: ["baseline:hostPathVolumes"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        yield {
          object: ref.object,
          path: `${v.path}.hostPath`,
          observed: v.hostPath,
          message: `Volume "${v.name}" mounts host path ${v.hostPath || "(empty)"}.`,
        };
      }
    }
  },
});
