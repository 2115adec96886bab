// Network policy coverage shared by the network rules: which policies select a pod, and which
// traffic directions they isolate. Kubernetes NetworkPolicies and Cilium's CiliumNetworkPolicy /
// CiliumClusterwideNetworkPolicy both count. Built once per evaluation.
import type { KubeObject, RuleContext, SnapshotIndex } from "../types";
import { SYSTEM_NAMESPACES } from "./namespaces-scan";
import { allPodSpecs } from "./pod";
import { isEmptyLabelSelector, nsOf, selectorMatches, type LabelSelector } from "./selectors";

export interface PolicyInfo {
  policy: KubeObject;
  /** The namespace whose pods the policy selects (a clusterwide policy has one entry per namespace). */
  namespace: string;
  /** Selector over the pods' own labels (for Cilium, with namespace terms taken out). */
  podSelector: LabelSelector;
  /** Selects every pod of the namespace, present and future. */
  allPods: boolean;
  /** Whether the policy selects a pod with these labels running as this service account. */
  matches(labels: Record<string, string>, serviceAccount: string): boolean;
  ingress: boolean;
  egress: boolean;
  /** Rules that allow some traffic (a Cilium `{}` rule allows nothing and is left out). */
  ingressRules: any[];
  egressRules: any[];
}

export interface NetworkIndex {
  /** Policies selecting pods of the namespace. */
  policies(namespace: string): readonly PolicyInfo[];
  /** Policies selecting a pod of the namespace with these labels (service account default "default"). */
  selecting(namespace: string, labels: Record<string, string>, serviceAccount?: string): PolicyInfo[];
}

/** Kinds whose objects isolate pods, for rules' requiresKinds. */
export const NETWORK_POLICY_KINDS = ["NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"] as const;

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

// Cilium derives endpoint labels from the pod: its own labels, its namespace and the namespace's
// labels, and its service account, under these keys (the "k8s:" or "any:" source prefix dropped).
const CILIUM_NAMESPACE = "io.kubernetes.pod.namespace";
const CILIUM_NAMESPACE_LABELS = "io.cilium.k8s.namespace.labels.";
const CILIUM_SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
const CILIUM_CLUSTER = "io.cilium.k8s.policy.cluster";

/** A Cilium label key without its k8s/any source; other sources (reserved:, cidr:) never name a pod label. */
function ciliumKey(key: string): string {
  return key.startsWith("k8s:") || key.startsWith("any:") ? key.slice(4) : key;
}

const isNamespaceKey = (k: string) => k === CILIUM_NAMESPACE || k.startsWith(CILIUM_NAMESPACE_LABELS);

/** An endpointSelector split into the terms on the namespace and the terms on the pod. */
function splitEndpointSelector(sel: unknown): { ns: LabelSelector; pod: LabelSelector } | undefined {
  if (!sel || typeof sel !== "object") return undefined;
  const ns: Required<LabelSelector> = { matchLabels: {}, matchExpressions: [] };
  const pod: Required<LabelSelector> = { matchLabels: {}, matchExpressions: [] };
  const ml = (sel as any).matchLabels;
  if (ml && typeof ml === "object") {
    for (const [k, v] of Object.entries(ml)) {
      const key = ciliumKey(k);
      if (key === CILIUM_CLUSTER) continue;
      (isNamespaceKey(key) ? ns : pod).matchLabels[key] = String(v);
    }
  }
  const me = (sel as any).matchExpressions;
  if (Array.isArray(me)) {
    for (const e of me) {
      const key = typeof e?.key === "string" ? ciliumKey(e.key) : undefined;
      // A malformed expression selects nothing, as selectorMatches judges it.
      if (key === undefined) pod.matchExpressions.push(e);
      else if (key !== CILIUM_CLUSTER) (isNamespaceKey(key) ? ns : pod).matchExpressions.push({ ...e, key });
    }
  }
  return { ns, pod };
}

/** Whether one Cilium rule isolates a direction: a non-empty section, unless enableDefaultDeny turns it off. */
function ciliumIsolates(rule: any, dir: "ingress" | "egress"): boolean {
  const has = (v: unknown) => Array.isArray(v) && v.length > 0;
  if (!has(rule[dir]) && !has(rule[`${dir}Deny`])) return false;
  return rule.enableDefaultDeny?.[dir] !== false;
}

/** Allow rules of a Cilium section: `{}` allows nothing (the documented default-deny form). */
function ciliumAllows(v: unknown): any[] {
  return Array.isArray(v) ? v.filter((r) => r && typeof r === "object" && Object.keys(r).length > 0) : [];
}

/** The rules of a Cilium policy object: `spec`, and every entry of `specs`. */
function ciliumRules(policy: KubeObject): any[] {
  const out: any[] = [];
  const spec = (policy as any).spec;
  if (spec && typeof spec === "object") out.push(spec);
  const specs = (policy as any).specs;
  if (Array.isArray(specs)) for (const s of specs) if (s && typeof s === "object") out.push(s);
  return out;
}

interface CiliumTemplate {
  policy: KubeObject;
  nsSelector: LabelSelector;
  info: Omit<PolicyInfo, "namespace">;
}

/** One template per Cilium rule that selects pods (an endpointSelector, not a host nodeSelector). */
function ciliumTemplates(policy: KubeObject): CiliumTemplate[] {
  const out: CiliumTemplate[] = [];
  for (const rule of ciliumRules(policy)) {
    const split = splitEndpointSelector(rule.endpointSelector);
    if (!split) continue;
    const pod = split.pod;
    out.push({
      policy,
      nsSelector: split.ns,
      info: {
        policy,
        podSelector: pod,
        allPods: isEmptyLabelSelector(pod),
        matches: (labels, sa) => selectorMatches(pod, { ...labels, [CILIUM_SERVICE_ACCOUNT]: sa }, true),
        ingress: ciliumIsolates(rule, "ingress"),
        egress: ciliumIsolates(rule, "egress"),
        ingressRules: ciliumAllows(rule.ingress),
        egressRules: ciliumAllows(rule.egress),
      },
    });
  }
  return out;
}

/** The endpoint labels Cilium gives every pod of a namespace. */
function namespaceEndpointLabels(ctx: RuleContext, ns: string): Record<string, string> {
  const out: Record<string, string> = { [CILIUM_NAMESPACE]: ns, [`${CILIUM_NAMESPACE_LABELS}kubernetes.io/metadata.name`]: ns };
  const labels = ctx.index.byName("Namespace", undefined, ns)?.metadata?.labels;
  if (labels) for (const [k, v] of Object.entries(labels)) out[CILIUM_NAMESPACE_LABELS + k] = v;
  return out;
}

const cache = new WeakMap<SnapshotIndex, NetworkIndex>();

export function networkIndex(ctx: RuleContext): NetworkIndex {
  const hit = cache.get(ctx.index);
  if (hit) return hit;
  const byNs = new Map<string, PolicyInfo[]>();
  const add = (info: PolicyInfo) => {
    const l = byNs.get(info.namespace);
    if (l) l.push(info);
    else byNs.set(info.namespace, [info]);
  };
  for (const p of ctx.index.byKind("NetworkPolicy")) {
    const spec = (p as any).spec ?? {};
    const t = policyTypes(p);
    const podSelector: LabelSelector = spec.podSelector && typeof spec.podSelector === "object" ? spec.podSelector : {};
    add({
      policy: p,
      namespace: nsOf(p),
      podSelector,
      allPods: isEmptyLabelSelector(podSelector),
      matches: (labels) => selectorMatches(podSelector, labels, true),
      ingress: t.ingress,
      egress: t.egress,
      ingressRules: Array.isArray(spec.ingress) ? spec.ingress : [],
      egressRules: Array.isArray(spec.egress) ? spec.egress : [],
    });
  }
  // A CiliumNetworkPolicy selects only pods of its own namespace (Cilium adds the namespace term).
  for (const p of ctx.index.byKind("CiliumNetworkPolicy")) {
    const ns = nsOf(p);
    const nsLabels = namespaceEndpointLabels(ctx, ns);
    for (const t of ciliumTemplates(p)) if (selectorMatches(t.nsSelector, nsLabels, true)) add({ ...t.info, namespace: ns });
  }
  // A clusterwide policy selects pods of every namespace its namespace terms match.
  const clusterwide = ctx.index.byKind("CiliumClusterwideNetworkPolicy").flatMap(ciliumTemplates);
  const resolved = new Map<string, PolicyInfo[]>();
  const policies = (ns: string): PolicyInfo[] => {
    let l = resolved.get(ns);
    if (l) return l;
    l = [...(byNs.get(ns) ?? [])];
    if (clusterwide.length > 0) {
      const nsLabels = namespaceEndpointLabels(ctx, ns);
      for (const t of clusterwide) if (selectorMatches(t.nsSelector, nsLabels, true)) l.push({ ...t.info, namespace: ns });
    }
    resolved.set(ns, l);
    return l;
  };
  const idx: NetworkIndex = {
    policies,
    selecting: (ns, labels, sa = "default") => policies(ns).filter((p) => p.matches(labels, sa)),
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
