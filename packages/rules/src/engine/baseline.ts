// The platform baseline: what the cluster itself must do. Control-plane static pods, kube-proxy and
// the CNI and CSI node agents run privileged, on the host network, with hostPath mounts, because
// that is their job; reporting them as open criticals buries what a team can fix. Their findings
// are kept, marked `baseline` with the reason, and left out of the open counts, the queue and the
// score. An entry matches only when namespace, kind, name, owner (where given) AND every container
// image agree, so a look-alike (a "kube-proxy" DaemonSet running someone else's image, a pod named
// like a static pod without a Node owner) is judged like any other workload.
import { podSpecOf } from "../helpers/pod";
import { parseImage } from "../helpers/images";
import type { BaselineEntry, BaselineMatch, BaselineSettings, KubeObject } from "../types";

const K8S = ["registry.k8s.io/", "k8s.gcr.io/", "gcr.io/k8s-staging-", "*.dkr.ecr.*.amazonaws.com/eks/", "mcr.microsoft.com/oss/kubernetes/", "gke.gcr.io/"];
const k8sImages = (name: string) => K8S.map((r) => `${r}${name}`);
const CSI_SIDECARS = ["registry.k8s.io/sig-storage/", "k8s.gcr.io/sig-storage/", "public.ecr.aws/eks-distro/kubernetes-csi/", "mcr.microsoft.com/oss/kubernetes-csi/", "gke.gcr.io/csi-node-driver-registrar", "gke.gcr.io/gcp-compute-persistent-disk-csi-driver"];

const STATIC_POD_REASON =
  "A control-plane static pod: the kubelet runs it from a manifest on the node, on the host network with the node's certificates mounted; its flags are judged by the control-plane rules instead.";

function staticPod(component: string): BaselineEntry {
  return {
    id: `control-plane-${component}`,
    title: `${component} (static pod)`,
    reason: STATIC_POD_REASON,
    namespaces: ["kube-system"],
    kinds: ["Pod"],
    names: [`${component}-*`, component],
    owners: ["Node"],
    images: k8sImages(`${component}`),
  };
}

export const BUILTIN_BASELINE: readonly BaselineEntry[] = [
  staticPod("kube-apiserver"),
  staticPod("kube-controller-manager"),
  staticPod("kube-scheduler"),
  { ...staticPod("etcd"), images: [...k8sImages("etcd"), "quay.io/coreos/etcd", "gcr.io/etcd-development/etcd"] },
  {
    id: "kube-proxy",
    title: "kube-proxy",
    reason: "kube-proxy programs the node's iptables/IPVS rules for Services: it needs the host network, privileges and the node's xtables lock and kernel modules.",
    namespaces: ["kube-system"],
    kinds: ["DaemonSet", "Pod"],
    names: ["kube-proxy", "kube-proxy-*"],
    images: [...k8sImages("kube-proxy"), "rancher/hardened-kubernetes", "rancher/mirrored-kube-proxy"],
  },
  {
    id: "cni-calico",
    title: "Calico node agent",
    reason: "The Calico CNI agent configures pod networking on every node: host network, privileges and host paths for CNI binaries and config are required.",
    namespaces: ["kube-system", "calico-system"],
    kinds: ["DaemonSet"],
    names: ["calico-node", "canal"],
    images: ["docker.io/calico/", "quay.io/calico/", "calico/", "docker.io/flannel/", "quay.io/coreos/flannel", "rancher/mirrored-calico-", "rancher/mirrored-flannelcni-"],
  },
  {
    id: "cni-cilium",
    title: "Cilium agent",
    reason: "The Cilium agent loads eBPF programs and manages the node's network: it needs the host network, BPF and network admin capabilities and host paths.",
    namespaces: ["kube-system", "cilium"],
    kinds: ["DaemonSet"],
    names: ["cilium", "cilium-envoy", "cilium-node-init"],
    images: ["quay.io/cilium/", "docker.io/cilium/"],
  },
  {
    id: "cni-flannel",
    title: "Flannel",
    reason: "Flannel sets up the overlay network on every node: it needs the host network, NET_ADMIN/NET_RAW and host paths for CNI config.",
    namespaces: ["kube-system", "kube-flannel"],
    kinds: ["DaemonSet"],
    names: ["kube-flannel-ds", "kube-flannel-ds-*", "kube-flannel"],
    images: ["quay.io/coreos/flannel", "docker.io/flannel/", "flannel/", "ghcr.io/flannel-io/", "docker.io/rancher/mirrored-flannelcni-", "rancher/mirrored-flannelcni-"],
  },
  {
    id: "cni-aws-vpc",
    title: "Amazon VPC CNI",
    reason: "The Amazon VPC CNI (aws-node) attaches ENIs and configures pod networking: host network, NET_ADMIN and host paths are required.",
    namespaces: ["kube-system"],
    kinds: ["DaemonSet"],
    names: ["aws-node"],
    images: ["*.dkr.ecr.*.amazonaws.com/amazon-k8s-cni", "*.dkr.ecr.*.amazonaws.com/amazon/aws-network-policy-agent", "public.ecr.aws/eks/amazon-k8s-cni"],
  },
  {
    id: "cni-kindnet",
    title: "kindnet",
    reason: "kind's CNI agent configures routes on every node: it needs the host network and NET_ADMIN.",
    namespaces: ["kube-system"],
    kinds: ["DaemonSet"],
    names: ["kindnet"],
    images: ["docker.io/kindest/kindnetd", "kindest/kindnetd"],
  },
  {
    id: "cni-weave",
    title: "Weave Net",
    reason: "Weave Net's agent manages the overlay on every node: host network, NET_ADMIN and host paths are required.",
    namespaces: ["kube-system"],
    kinds: ["DaemonSet"],
    names: ["weave-net"],
    images: ["docker.io/weaveworks/", "weaveworks/", "ghcr.io/weaveworks/launcher/"],
  },
  {
    id: "csi-node",
    title: "CSI node plugins",
    reason: "A CSI node plugin mounts volumes into pods on its node: it needs privileges, bidirectional mount propagation and the kubelet's directories.",
    namespaces: ["kube-system"],
    kinds: ["DaemonSet"],
    names: ["ebs-csi-node", "ebs-csi-node-windows", "efs-csi-node", "pdcsi-node", "csi-azuredisk-node", "csi-azurefile-node", "csi-secrets-store", "secrets-store-csi-driver"],
    images: [...CSI_SIDECARS, "public.ecr.aws/ebs-csi-driver/", "public.ecr.aws/efs-csi-driver/", "*.dkr.ecr.*.amazonaws.com/eks/aws-ebs-csi-driver", "*.dkr.ecr.*.amazonaws.com/eks/aws-efs-csi-driver", "mcr.microsoft.com/oss/kubernetes-csi/", "registry.k8s.io/csi-secrets-store/"],
  },
];

/** Categories whose findings are expected by default: what a node agent must do, not API-level access. */
const DEFAULT_EXPECTS = new Set(["workload-security", "host-access", "resources", "probes", "images", "reliability", "secrets", "network", "namespaces"]);
/**
 * Rules of an expected category whose findings a component's design never explains: a known CVE or
 * a credential in its image is to be patched like anyone's. Expected only where an entry names the rule.
 */
const NEVER_BY_CATEGORY = new Set(["image-vulnerabilities", "image-exposed-secrets"]);

interface CompiledEntry {
  entry: BaselineEntry;
  match: BaselineMatch;
  names: ((n: string) => boolean)[];
  images: RegExp[];
  expects: Set<string> | undefined;
}

function globToRegex(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`^${body}`);
}

function compile(entries: readonly BaselineEntry[]): CompiledEntry[] {
  return entries.map((entry) => ({
    entry,
    match: { id: entry.id, reason: entry.reason },
    names: entry.names.map((n) => (n.endsWith("*") ? (x: string) => x.startsWith(n.slice(0, -1)) : (x: string) => x === n)),
    images: entry.images.map(globToRegex),
    expects: entry.expects ? new Set(entry.expects) : undefined,
  }));
}

/** The image as registry/repository with docker.io spelled out, so "calico/node" matches "docker.io/calico/". */
function fullImage(image: string): string[] {
  const ref = parseImage(image);
  const repo = `${ref.registry}/${ref.repository}`;
  // Both spellings: entries may name Docker Hub images with or without "docker.io/".
  return ref.registry === "docker.io" ? [repo, ref.repository.replace(/^library\//, "")] : [repo];
}

export interface BaselineMatcher {
  /** The entry an object matches, if any. */
  objectMatch(obj: KubeObject): CompiledEntry | undefined;
  /** Whether a finding of `ruleId` (category `category`) on a matched object is expected. */
  expects(entry: CompiledEntry, ruleId: string, category: string): boolean;
}

export function baselineMatcher(settings: BaselineSettings | undefined): BaselineMatcher | undefined {
  if (settings?.enabled === false) return undefined;
  const entries = compile(settings?.entries ?? BUILTIN_BASELINE);
  if (entries.length === 0) return undefined;
  const cache = new Map<KubeObject, CompiledEntry | null>();
  return {
    objectMatch(obj) {
      let hit = cache.get(obj);
      if (hit === undefined) cache.set(obj, (hit = matchObject(entries, obj) ?? null));
      return hit ?? undefined;
    },
    expects(entry, ruleId, category) {
      if (NEVER_BY_CATEGORY.has(ruleId)) return entry.expects?.has(ruleId) ?? false;
      return entry.expects ? entry.expects.has(ruleId) || entry.expects.has(category) : DEFAULT_EXPECTS.has(category);
    },
  };
}

function matchObject(entries: readonly CompiledEntry[], obj: KubeObject): CompiledEntry | undefined {
  const md = obj.metadata ?? {};
  const ns = md.namespace ?? "";
  const name = md.name ?? "";
  for (const c of entries) {
    const e = c.entry;
    if (!e.namespaces.includes(ns) || !e.kinds.includes(obj.kind)) continue;
    if (!c.names.some((f) => f(name))) continue;
    if (e.owners && e.owners.length > 0) {
      const owners = Array.isArray(md.ownerReferences) ? md.ownerReferences : [];
      if (!owners.some((o) => o && o.controller === true && e.owners!.includes(o.kind))) continue;
    }
    const spec = podSpecOf(obj)?.spec;
    const images: string[] = [];
    for (const list of [spec?.containers, spec?.initContainers]) {
      if (!Array.isArray(list)) continue;
      for (const ct of list) if (ct && typeof ct.image === "string") images.push(ct.image);
    }
    if (images.length === 0) continue;
    if (images.every((img) => fullImage(img).some((full) => c.images.some((re) => re.test(full))))) return c;
  }
  return undefined;
}
