import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { coversPath, hostPathVolumes } from "../../helpers/security-context";

// Node directories whose contents (or any subdirectory) give control over or secrets of the node.
const SENSITIVE = [
  "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/bin", "/sbin", "/root",
  "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet", "/var/lib/etcd", "/var/run/secrets",
];

// Public CA bundles: control-plane static pods and many agents mount them to trust TLS peers. They
// hold no secret and grant no control; the mount is still reported by host-path-volume.
const CA_BUNDLES = [
  "/etc/ssl/certs", "/etc/pki/tls/certs", "/etc/pki/ca-trust", "/etc/ca-certificates",
  "/usr/share/ca-certificates", "/usr/local/share/ca-certificates",
];

export const hostPathSensitive = defineRule({
  id: "host-path-sensitive",
  title: "Sensitive host directory mounted",
  category: "host-access",
  severity: "high",
  kinds: WORKLOAD_KINDS,
  description:
    "A hostPath volume mounts the node's root or a system directory (/etc, /proc, /sys, /dev, /boot, /usr, /lib, /var/lib/kubelet, runtime state, ...). These hold credentials, kernel interfaces and binaries; mounting them is usually a direct path to node takeover.",
  remediation: "Remove the mount; if a node agent needs data from it, mount the narrowest subpath read-only on dedicated nodes.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["sensitive-host-mounts"], trivy: ["KSV-0121"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p) continue;
        const hit = p === "/" || (SENSITIVE.some((s) => coversPath(s, p)) && !CA_BUNDLES.some((c) => coversPath(c, p)));
        if (!hit) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: `Volume "${v.name}" mounts the sensitive host path ${p}.`,
        };
      }
    }
  },
});
