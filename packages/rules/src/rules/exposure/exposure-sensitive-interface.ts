import { containers, defineRule, podSpecs } from "../../helpers/pod";
import { mapSelectorMatches, nsOf } from "../../helpers/selectors";
import type { KubeObject, RawFinding } from "../../types";

// Admin and data UIs that give control of a cluster, CI system or data store when reachable.
const SENSITIVE = [
  "kubernetes-dashboard", "dashboard", "jenkins", "argocd", "weave-scope", "scope", "kibana", "grafana",
  "prometheus", "alertmanager", "kubeflow", "jupyter", "elasticsearch", "phpmyadmin", "pgadmin", "rabbitmq",
  "portainer", "rancher", "consul", "vault", "minio", "kafka-ui", "airflow", "spark",
];

function imageName(image: string): string {
  const noDigest = image.split("@")[0]!;
  const slash = noDigest.lastIndexOf("/");
  const last = noDigest.slice(slash + 1);
  return last.split(":")[0]!.toLowerCase();
}

const PREFIXES = SENSITIVE.map((s) => `${s}-`);
const SUFFIXES = SENSITIVE.map((s) => `-${s}`);
// The same few images recur across thousands of workloads: judge each image string once.
const memo = new Map<string, string | null>();

function sensitiveImage(img: string): string | undefined {
  const hit = memo.get(img);
  if (hit !== undefined) return hit ?? undefined;
  const n = imageName(img);
  let found: string | null = null;
  for (let i = 0; i < SENSITIVE.length; i++) {
    if (n === SENSITIVE[i] || n.startsWith(PREFIXES[i]!) || n.endsWith(SUFFIXES[i]!)) {
      found = SENSITIVE[i]!;
      break;
    }
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(img, found);
  return found ?? undefined;
}

export const exposureSensitiveInterface = defineRule({
  id: "exposure-sensitive-interface",
  title: "Administrative UI exposed outside the cluster",
  category: "exposure",
  severity: "high",
  kinds: ["Service"],
  requiresKinds: ["Deployment"],
  description:
    "A workload running a known administrative or data UI (Kubernetes Dashboard, Jenkins, Argo CD, Grafana, Kibana, Jupyter, ...) is selected by a LoadBalancer or NodePort Service, so the interface is reachable from outside the cluster; such UIs are a common initial-access path.",
  remediation: "Keep admin UIs on ClusterIP Services reached through an authenticating proxy, VPN or kubectl port-forward.",
  references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Exposed%20sensitive%20interfaces/"],
  peers: { kubescape: ["C-0021"], nsa: ["NP"] },
  *evaluate(ctx): Iterable<RawFinding> {
    // Grouped by namespace (in read order) so each UI workload is tested against its own
    // namespace's Services only, not every exposed Service in the cluster.
    const exposedByNs = new Map<string, KubeObject[]>();
    for (const s of ctx.index.byKind("Service")) {
      const t = (s as any).spec?.type;
      if (t !== "LoadBalancer" && t !== "NodePort") continue;
      const k = nsOf(s);
      const l = exposedByNs.get(k);
      if (l) l.push(s);
      else exposedByNs.set(k, [s]);
    }
    if (exposedByNs.size === 0) return;
    for (const ref of podSpecs(ctx)) {
      let ui: string | undefined;
      for (const c of containers(ref, { init: false, ephemeral: false })) {
        if (typeof c.container.image === "string") ui = sensitiveImage(c.container.image);
        if (ui) break;
      }
      if (!ui) continue;
      const exposed = exposedByNs.get(nsOf(ref.object));
      if (!exposed) continue;
      for (const s of exposed) {
        if (!mapSelectorMatches((s as any).spec?.selector, ref.meta.labels)) continue;
        yield {
          object: s,
          path: "spec.type",
          observed: (s as any).spec.type,
          message: `${(s as any).spec.type} Service exposes ${ui} (${ref.object.kind} ${ref.object.metadata?.name}) outside the cluster`,
        };
      }
    }
  },
});
