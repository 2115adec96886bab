// Cross-object lookups for availability rules: which HPA scales a workload, which PDBs cover it.
import type { KubeObject, RuleContext } from "../types";
import { podSpecOf } from "./pod";
import { nsOf, selectorMatches } from "./selectors";

/** Kinds an HPA can scale that also own pods through a template. */
export const SCALABLE_KINDS: readonly string[] = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"];

// Per-evaluation lookup tables, keyed on the index so they are built once per snapshot.
const hpaCache = new WeakMap<object, Map<string, KubeObject[]>>();
const pdbCache = new WeakMap<object, Map<string, KubeObject[]>>();
const pdbNamespaces = new WeakMap<object, Set<string>>();

/** HPAs whose scaleTargetRef names the workload (same namespace, kind and name). */
export function hpasFor(ctx: RuleContext, workload: KubeObject): KubeObject[] {
  let m = hpaCache.get(ctx.index);
  if (!m) {
    m = new Map();
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const t = (hpa as any).spec?.scaleTargetRef;
      if (!t || typeof t.kind !== "string" || typeof t.name !== "string") continue;
      const key = `${nsOf(hpa)}/${t.kind}/${t.name}`;
      const l = m.get(key);
      if (l) l.push(hpa);
      else m.set(key, [hpa]);
    }
    hpaCache.set(ctx.index, m);
  }
  return m.get(`${nsOf(workload)}/${workload.kind}/${workload.metadata.name}`) ?? [];
}

/**
 * PDBs in the workload's namespace whose selector selects its pod template labels. In policy/v1
 * an empty selector selects every pod in the namespace; an absent one (or v1beta1 empty) selects none.
 */
export function pdbsFor(ctx: RuleContext, workload: KubeObject): KubeObject[] {
  let m = pdbCache.get(ctx.index);
  if (!m) {
    // Bucket each PDB under "ns|key=value" of its first matchLabels pair, so a workload only tests
    // PDBs that can match one of its labels; PDBs without matchLabels go under "ns|*".
    m = new Map();
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) {
      const ml = (pdb as any).spec?.selector?.matchLabels;
      const first = ml && typeof ml === "object" ? Object.keys(ml)[0] : undefined;
      const key = first === undefined ? `${nsOf(pdb)}|*` : `${nsOf(pdb)}|${first}=${String(ml[first])}`;
      const l = m.get(key);
      if (l) l.push(pdb);
      else m.set(key, [pdb]);
    }
    pdbCache.set(ctx.index, m);
    const withPdb = new Set<string>();
    for (const pdb of ctx.index.byKind("PodDisruptionBudget")) withPdb.add(nsOf(pdb));
    pdbNamespaces.set(ctx.index, withPdb);
  }
  const ns = nsOf(workload);
  // Most namespaces of a large cluster hold no PDB at all: answer those without building keys.
  if (!pdbNamespaces.get(ctx.index)!.has(ns)) return [];
  const ref = podSpecOf(workload);
  if (!ref) return [];
  const out: KubeObject[] = [];
  const test = (pdb: KubeObject) => {
    const sel = (pdb as any).spec?.selector;
    const emptyAll = pdb.apiVersion === "policy/v1" && sel !== undefined && sel !== null;
    if (selectorMatches(sel, ref.meta.labels, emptyAll) && !out.includes(pdb)) out.push(pdb);
  };
  for (const pdb of m.get(`${ns}|*`) ?? []) test(pdb);
  for (const k of Object.keys(ref.meta.labels)) for (const pdb of m.get(`${ns}|${k}=${ref.meta.labels[k]}`) ?? []) test(pdb);
  return out;
}

/** An IntOrString field resolved against a total: numbers as is, "N%" rounded up (as the API does). */
export function resolveIntOrPercent(v: unknown, total: number | undefined): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const m = /^(\d+)%$/.exec(v.trim());
  if (m) return total === undefined ? undefined : Math.ceil((Number(m[1]) * total) / 100);
  return /^\d+$/.test(v.trim()) ? Number(v) : undefined;
}

/** spec.replicas as a number, undefined when unset. */
export function replicasOf(obj: KubeObject): number | undefined {
  const r = (obj as any).spec?.replicas;
  return typeof r === "number" ? r : undefined;
}
