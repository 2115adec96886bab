import { WORKLOAD_KINDS, containers, defineRule, podSpecs } from "../../helpers/pod";
import { containerName, hostPathVolumes, show } from "../../helpers/security-context";

export const hostPathWritable = defineRule({
  id: "host-path-writable",
  title: "hostPath mounted writable",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A container mounts a hostPath volume without readOnly: true, so it can change files on the node, e.g. plant binaries, edit kubelet or cron configuration, or fill the node's disk.",
  remediation: "Set readOnly: true on the volumeMount of every hostPath volume (and prefer not to use hostPath at all).",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["writable-host-mount"], kubescape: ["C-0045"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      const hostVolumes = new Map<string, string>();
      for (const v of hostPathVolumes(ref)) hostVolumes.set(v.name, v.hostPath);
      if (hostVolumes.size === 0) continue;
      for (const c of containers(ref)) {
        const mounts = c.container.volumeMounts;
        if (!Array.isArray(mounts)) continue;
        for (let i = 0; i < mounts.length; i++) {
          const m = mounts[i];
          if (!m || !hostVolumes.has(m.name) || m.readOnly === true) continue;
          yield {
            object: ref.object,
            path: `${c.path}.volumeMounts[${i}].readOnly`,
            observed: m.readOnly === undefined ? "unset" : m.readOnly,
            message: `Container "${containerName(c)}" mounts host path ${hostVolumes.get(m.name)} writable at ${show(m.mountPath)}.`,
          };
        }
      }
    }
  },
});
