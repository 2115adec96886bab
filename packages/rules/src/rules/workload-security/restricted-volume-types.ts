import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { show, volumes } from "../../helpers/security-context";

// Volume sources the Pod Security Standards (restricted) allow; every other source (hostPath,
// nfs, iscsi, rbd, gitRepo, cloud disks, ...) gives the pod direct access to storage outside the
// PersistentVolume workflow. "image" (OCI image volumes, 1.31+) is read-only content.
const ALLOWED = new Set([
  "name",
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
  "image",
]);

export const restrictedVolumeTypes = defineRule({
  id: "restricted-volume-types",
  title: "Volume type outside the restricted set",
  category: "workload-security",
  severity: "low",
  kinds: WORKLOAD_KINDS,
  description:
    "The restricted Pod Security Standard allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes; other sources reach host paths or network storage directly.",
  remediation: "Replace the volume with a PersistentVolumeClaim (backed by a PersistentVolume or CSI driver) or one of the allowed sources.",
  references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted"],
  peers: { trivy: ["KSV-0028"], pss: ["restricted:restrictedVolumes"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of volumes(ref)) {
        for (const key of Object.keys(v.volume)) {
          if (ALLOWED.has(key) || v.volume[key] === null || v.volume[key] === undefined) continue;
          yield {
            object: ref.object,
            path: `${v.path}.${key}`,
            observed: key,
            message: `Volume "${show(v.volume.name)}" uses the ${key} source, outside the restricted set.`,
          };
        }
      }
    }
  },
});
