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
  const uids = new Map<string, KubeObject>();
  const names = new Map<string, KubeObject>();
  const nsSet = new Set<string>();
  for (const obj of snapshot.objects) {
    if (!obj || typeof obj !== "object" || typeof obj.kind !== "string") continue;
    let list = kinds.get(obj.kind);
    if (!list) kinds.set(obj.kind, (list = []));
    list.push(obj);
    const md = obj.metadata;
    if (!md) continue;
    if (typeof md.uid === "string" && md.uid) uids.set(md.uid, obj);
    if (typeof md.name === "string") {
      const key = nameKey(obj.kind, md.namespace, md.name);
      // First one wins: a manifest set may repeat an object (e.g. overlays); keep read order.
      if (!names.has(key)) names.set(key, obj);
      if (obj.kind === "Namespace") nsSet.add(md.name);
    }
    if (typeof md.namespace === "string" && md.namespace) nsSet.add(md.namespace);
  }
  const nsList = [...nsSet].sort();
  return {
    byKind: (kind) => kinds.get(kind) ?? NONE,
    byUid: (uid) => uids.get(uid),
    byName: (kind, namespace, name) => names.get(nameKey(kind, namespace, name)),
    namespaces: () => nsList,
  };
}
