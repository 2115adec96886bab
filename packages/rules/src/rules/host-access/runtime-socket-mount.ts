import { WORKLOAD_KINDS, defineRule, podSpecs } from "../../helpers/pod";
import { coversPath, hostPathVolumes } from "../../helpers/security-context";

// Container runtime API sockets: whoever can talk to one can start a privileged container on the node.
const SOCKETS = [
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/var/run/containerd/containerd.sock",
  "/run/containerd/containerd.sock",
  "/var/run/crio/crio.sock",
  "/run/crio/crio.sock",
  "/var/run/cri-dockerd.sock",
  "/run/cri-dockerd.sock",
  "/run/k3s/containerd/containerd.sock",
  "/var/run/k3s/containerd/containerd.sock",
  "/var/run/podman/podman.sock",
  "/run/podman/podman.sock",
];

export const runtimeSocketMount = defineRule({
  id: "runtime-socket-mount",
  title: "Container runtime socket mounted",
  category: "host-access",
  severity: "critical",
  kinds: WORKLOAD_KINDS,
  description:
    "The pod mounts the Docker, containerd, CRI-O or Podman socket (or a directory that contains it). Access to the runtime API means starting privileged containers on the node: full node takeover.",
  remediation: "Remove the mount. Build images with rootless builders (BuildKit rootless, Kaniko) and read container metadata through the Kubernetes API instead.",
  references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  peers: { kubeLinter: ["docker-sock", "container-runtime-sock"], kubescape: ["C-0074"], trivy: ["KSV-0006"], cis: ["5.2.12"], nsa: ["PS-ENF"] },
  *evaluate(ctx) {
    for (const ref of podSpecs(ctx)) {
      for (const v of hostPathVolumes(ref)) {
        const p = v.hostPath;
        if (!p) continue;
        const sock = SOCKETS.find((s) => coversPath(p, s)) ?? (p.endsWith(".sock") && /(docker|containerd|crio|podman)/.test(p) ? p : undefined);
        if (!sock) continue;
        yield {
          object: ref.object,
          path: `${v.path}.hostPath.path`,
          observed: p,
          message: sock === p ? `Volume "${v.name}" mounts the container runtime socket ${p}.` : `Volume "${v.name}" mounts ${p}, which contains the runtime socket ${sock}.`,
        };
      }
    }
  },
});
