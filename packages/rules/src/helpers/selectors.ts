// Label selectors and same-namespace lookups shared by cross-object rules (PDB, HPA, Service,
// NetworkPolicy, ServiceAccount references).
import type { KubeObject, RuleContext, SnapshotIndex } from "../types";
import { allPodSpecs } from "./pod";

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** The namespace an object lives in; a manifest without one lands in "default". */
export function nsOf(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  return typeof ns === "string" && ns ? ns : "default";
}

/**
 * A namespaced object by kind and name, treating an unset namespace as "default" on either side
 * (manifests often omit it).
 */
export function findNamed(ctx: RuleContext, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
  const ns = namespace && namespace !== "default" ? namespace : undefined;
  if (ns) return ctx.index.byName(kind, ns, name);
  return ctx.index.byName(kind, undefined, name) ?? ctx.index.byName(kind, "default", name);
}

const byNsCache = new WeakMap<object, Map<string, Map<string, KubeObject[]>>>();

/** Objects of a kind in namespace `ns` (unset == "default"); grouped once per evaluation. */
export function inNamespace(ctx: RuleContext, kind: string, ns: string): readonly KubeObject[] {
  let kinds = byNsCache.get(ctx.index);
  if (!kinds) byNsCache.set(ctx.index, (kinds = new Map()));
  let groups = kinds.get(kind);
  if (!groups) {
    groups = new Map();
    for (const o of ctx.index.byKind(kind)) {
      const k = nsOf(o);
      const l = groups.get(k);
      if (l) l.push(o);
      else groups.set(k, [o]);
    }
    kinds.set(kind, groups);
  }
  return groups.get(ns) ?? [];
}

const workloadLabelsCache = new WeakMap<SnapshotIndex, Map<string, Record<string, string>[]>>();

/**
 * Pod-template labels of every workload in namespace `ns` (one entry per pod spec, on its top
 * controller): what "does this selector match anything?" rules test against. Grouped once per
 * evaluation.
 */
export function workloadLabelsIn(ctx: RuleContext, ns: string): readonly Record<string, string>[] {
  let byNs = workloadLabelsCache.get(ctx.index);
  if (!byNs) {
    byNs = new Map();
    for (const ref of allPodSpecs(ctx)) {
      const k = nsOf(ref.object);
      const l = byNs.get(k);
      if (l) l.push(ref.meta.labels);
      else byNs.set(k, [ref.meta.labels]);
    }
    workloadLabelsCache.set(ctx.index, byNs);
  }
  return byNs.get(ns) ?? [];
}

/** A LabelSelector with neither matchLabels nor matchExpressions (or none at all). */
export function isEmptyLabelSelector(sel: any): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/**
 * Whether a label selector selects the given labels. `emptyMatchesAll` follows the API: an empty
 * (but present) selector selects everything for policy/v1 PDBs, NetworkPolicies; nothing for
 * Services and policy/v1beta1 PDBs.
 */
export function selectorMatches(
  selector: LabelSelector | undefined | null,
  labels: Record<string, string> | undefined,
  emptyMatchesAll = false,
): boolean {
  if (!selector || typeof selector !== "object") return false;
  const ml = selector.matchLabels && typeof selector.matchLabels === "object" ? selector.matchLabels : undefined;
  const me = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : undefined;
  const mlKeys = ml ? Object.keys(ml) : [];
  if (mlKeys.length === 0 && (!me || me.length === 0)) return emptyMatchesAll;
  const l = labels ?? {};
  for (const k of mlKeys) if (l[k] !== ml![k]) return false;
  if (me) {
    for (const e of me) {
      if (!e || typeof e.key !== "string") return false;
      const has = Object.prototype.hasOwnProperty.call(l, e.key);
      const v = l[e.key];
      const vals = Array.isArray(e.values) ? e.values : [];
      switch (e.operator) {
        case "In":
          if (!has || !vals.includes(v as string)) return false;
          break;
        case "NotIn":
          if (has && vals.includes(v as string)) return false;
          break;
        case "Exists":
          if (!has) return false;
          break;
        case "DoesNotExist":
          if (has) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

/** A plain map selector (Service spec.selector): every pair must match; empty selects nothing. */
export function mapSelectorMatches(selector: Record<string, string> | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!selector || typeof selector !== "object") return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  const l = labels ?? {};
  for (const k of keys) if (l[k] !== selector[k]) return false;
  return true;
}
