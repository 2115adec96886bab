// NetworkPolicy coverage shared by the network rules: which policies select a pod, and which
// traffic directions they isolate. Built once per evaluation.
import type { KubeObject, RuleContext, SnapshotIndex } from "../types";
import { SYSTEM_NAMESPACES } from "./namespaces-scan";
import { allPodSpecs } from "./pod";
import { nsOf, selectorMatches, type LabelSelector } from "./selectors";

export interface PolicyInfo {
  policy: KubeObject;
  namespace: string;
  podSelector: LabelSelector;
  ingress: boolean;
  egress: boolean;
  ingressRules: any[];
  egressRules: any[];
}

export interface NetworkIndex {
  /** Policies by namespace. */
  policies(namespace: string): readonly PolicyInfo[];
  /** Policies in the namespace whose podSelector selects these labels. */
  selecting(namespace: string, labels: Record<string, string>): PolicyInfo[];
}

/** policyTypes as the API server defaults them: Ingress always, Egress when egress rules exist. */
export function policyTypes(policy: KubeObject): { ingress: boolean; egress: boolean } {
  const spec = (policy as any).spec ?? {};
  const types = spec.policyTypes;
  if (Array.isArray(types) && types.length > 0) {
    const t = types.map((x: unknown) => String(x).toLowerCase());
    return { ingress: t.includes("ingress"), egress: t.includes("egress") };
  }
  return { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
}

const cache = new WeakMap<SnapshotIndex, NetworkIndex>();

export function networkIndex(ctx: RuleContext): NetworkIndex {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const byNs = new Map<string, PolicyInfo[]>();
  for (const p of ctx.index.byKind("NetworkPolicy")) {
    const spec = (p as any).spec ?? {};
    const t = policyTypes(p);
    const info: PolicyInfo = {
      policy: p,
      namespace: nsOf(p),
      podSelector: spec.podSelector && typeof spec.podSelector === "object" ? spec.podSelector : {},
      ingress: t.ingress,
      egress: t.egress,
      ingressRules: Array.isArray(spec.ingress) ? spec.ingress : [],
      egressRules: Array.isArray(spec.egress) ? spec.egress : [],
    };
    const l = byNs.get(info.namespace);
    if (l) l.push(info);
    else byNs.set(info.namespace, [info]);
  }
  const idx: NetworkIndex = {
    policies: (ns) => byNs.get(ns) ?? [],
    selecting: (ns, labels) => (byNs.get(ns) ?? []).filter((p) => selectorMatches(p.podSelector, labels, true)),
  };
  cache.set(ctx.index, idx);
  return idx;
}

/** A peer list that admits everything: absent/empty list, or a peer with empty selectors or 0.0.0.0/0. */
export function peersAllowAll(peers: unknown): boolean {
  if (!Array.isArray(peers) || peers.length === 0) return true;
  for (const p of peers) {
    if (!p || typeof p !== "object") continue;
    const cidr = (p as any).ipBlock?.cidr;
    if ((cidr === "0.0.0.0/0" || cidr === "::/0") && !((p as any).ipBlock?.except?.length > 0)) return true;
    const ns = (p as any).namespaceSelector;
    const pod = (p as any).podSelector;
    const empty = (s: any) => s && typeof s === "object" && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
    // namespaceSelector {} (with no or an empty podSelector) = every pod in every namespace.
    if (empty(ns) && (pod === undefined || empty(pod))) return true;
  }
  return false;
}

/**
 * Namespaces to judge: Namespace objects, plus namespaces that only appear through workloads (a
 * manifest set rarely carries its Namespace objects); the finding then sits on the first workload.
 */
export function* namespacesToJudge(ctx: RuleContext): Iterable<{ ns: string; object: KubeObject; path: string }> {
  const seen = new Set<string>();
  for (const n of ctx.index.byKind("Namespace")) {
    const name = n.metadata?.name;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    if ((n as any).status?.phase === "Terminating") continue;
    if (!SYSTEM_NAMESPACES.has(name)) yield { ns: name, object: n, path: "metadata" };
  }
  for (const ref of allPodSpecs(ctx)) {
    const ns = nsOf(ref.object);
    if (seen.has(ns)) continue;
    seen.add(ns);
    if (!SYSTEM_NAMESPACES.has(ns)) yield { ns, object: ref.object, path: "metadata.namespace" };
  }
}
