import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

export const storageHostPathPersistentVolume = defineRule({
  id: "storage-host-path-persistent-volume",
  title: "PersistentVolume exposes a node path",
  category: "storage",
  severity: "high",
  kinds: ["PersistentVolume"],
  description:
    "A hostPath PersistentVolume gives any pod that claims it the node's filesystem at that path, sidestepping Pod Security Admission's hostPath restriction (which only looks at pod specs).",
  remediation: "Use a CSI driver or local volumes with a StorageClass; if node storage is required, use `local` volumes with node affinity on a dedicated path.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { nsa: ["PS-HARD"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const pv of ctx.index.byKind("PersistentVolume")) {
      const hp = (pv as any).spec?.hostPath;
      if (!hp || typeof hp !== "object") continue;
      yield { object: pv, path: "spec.hostPath.path", observed: hp.path, message: `PersistentVolume maps node path ${hp.path ?? "(unset)"} into any pod that claims it` };
    }
  },
});
