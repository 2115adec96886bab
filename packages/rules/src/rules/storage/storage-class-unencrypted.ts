import { defineRule } from "../../helpers/pod";
import type { RawFinding } from "../../types";

// Provisioners whose encryption at rest is off unless a StorageClass parameter turns it on.
const OPT_IN: Record<string, string> = {
  "kubernetes.io/aws-ebs": "encrypted",
  "ebs.csi.aws.com": "encrypted",
  "rbd.csi.ceph.com": "encrypted",
  "cephfs.csi.ceph.com": "encrypted",
  "kubernetes.io/rbd": "encrypted",
  "cinder.csi.openstack.org": "encrypted",
  "csi.vsphere.vmware.com": "encrypted",
};

export const storageClassUnencrypted = defineRule({
  id: "storage-class-unencrypted",
  title: "StorageClass provisions unencrypted volumes",
  category: "storage",
  severity: "medium",
  kinds: ["StorageClass"],
  description:
    "The StorageClass' provisioner encrypts volumes only on request, and the class does not request it: data written to these volumes (and their snapshots) is stored unencrypted.",
  remediation: "Set the provisioner's encryption parameter (e.g. encrypted: \"true\" with an optional kmsKeyId for EBS), or enable default encryption in the cloud account.",
  references: ["https://kubernetes.io/docs/concepts/storage/storage-classes/"],
  peers: { kubescape: ["C-0264"], nsa: ["ENC"] },
  *evaluate(ctx): Iterable<RawFinding> {
    for (const sc of ctx.index.byKind("StorageClass")) {
      const prov = (sc as any).provisioner;
      const key = typeof prov === "string" ? OPT_IN[prov] : undefined;
      if (!key) continue;
      const v = (sc as any).parameters?.[key];
      if (String(v).toLowerCase() === "true") continue;
      yield { object: sc, path: `parameters.${key}`, observed: v ?? "(unset)", message: `${prov} volumes of this class are not encrypted (parameters.${key} is not "true")` };
    }
  },
});
