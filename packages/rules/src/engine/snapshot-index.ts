// The lookups every cross-object rule needs, built once per evaluation so no rule scans
// snapshot.objects itself.
import type { KubeObject, Snapshot, SnapshotIndex } from "../types";

const NONE: readonly KubeObject[] = Object.freeze([]);

export function nameKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}

/**
 * byKind: objects of a kind in read order. byUid / byName ("kind/ns/name", ns "" when
 * cluster-scoped or unset). namespaces(): names of Namespace objects plus every namespace an object
 * sits in, sorted (a manifest set rarely carries its Namespace objects).
 */
export function buildIndex(snapshot: Snapshot): SnapshotIndex {
  const kinds = new Map<string, KubeObject[]>();
  for (const obj of snapshot.objects) {
    if (!obj || typeof obj !== "object" || typeof obj.kind !== "string") continue;
    let list = kinds.get(obj.kind);
    if (!list) kinds.set(obj.kind, (list = []));
    list.push(obj);
  }
  // The uid, name and namespace lookups are built on first use: many snapshots (manifest sets
  // without ownerReferences) never need them, and building them is most of the index's cost.
  let uids: Map<string, KubeObject> | undefined;
  let nsList: string[] | undefined;
  const uidMap = () => {
    if (uids) return uids;
    uids = new Map();
    for (const list of kinds.values()) {
      for (const obj of list) {
        const uid = obj.metadata?.uid;
        if (typeof uid === "string" && uid) uids.set(uid, obj);
      }
    }
    return uids;
  };
  // Name lookups are per kind (a rule asks for ServiceAccounts or Secrets, never "anything named
  // x"), so only the kinds actually asked for get a map, over that kind's objects alone.
  const nameMaps = new Map<string, Map<string, KubeObject>>();
  const nameMap = (kind: string) => {
    let m = nameMaps.get(kind);
    if (m) return m;
    m = new Map();
    for (const obj of kinds.get(kind) ?? NONE) {
      const md = obj.metadata;
      if (!md || typeof md.name !== "string") continue;
      const key = `${md.namespace ?? ""}/${md.name}`;
      // First one wins: a manifest set may repeat an object (e.g. overlays); keep read order.
      if (!m.has(key)) m.set(key, obj);
    }
    nameMaps.set(kind, m);
    return m;
  };
  const namespaces = () => {
    if (nsList) return nsList;
    const set = new Set<string>();
    for (const ns of kinds.get("Namespace") ?? []) if (typeof ns.metadata?.name === "string") set.add(ns.metadata.name);
    for (const obj of snapshot.objects) {
      const n = obj?.metadata?.namespace;
      if (typeof n === "string" && n) set.add(n);
    }
    return (nsList = [...set].sort());
  };
  return {
    byKind: (kind) => kinds.get(kind) ?? NONE,
    byUid: (uid) => uidMap().get(uid),
    byName: (kind, namespace, name) => nameMap(kind).get(`${namespace ?? ""}/${name}`),
    namespaces,
  };
}
