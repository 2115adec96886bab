// The values the change history can be filtered by (kinds, namespaces, managers that occur in a
// cluster's kept history), most frequent first.
import { db } from "../client";
import { describeManager, type TManagerView } from "./change-manager";

const FACET_CAP = 200;

export interface TChangeFacets {
  kinds: string[];
  namespaces: string[];
  managers: Array<{ manager: string } & TManagerView>;
  /** changes kept for this cluster */
  total: number;
}

export async function listChangeFacets(input: { orgId: string; clusterId: string }): Promise<TChangeFacets> {
  const where = { orgId: input.orgId, clusterId: input.clusterId };
  const [kinds, namespaces, managers, total] = await Promise.all([
    db.clusterChange.groupBy({ by: ["kind"], where, _count: { kind: true }, orderBy: { _count: { kind: "desc" } }, take: FACET_CAP }),
    db.clusterChange.groupBy({ by: ["namespace"], where: { ...where, namespace: { not: null } }, _count: { namespace: true }, orderBy: { _count: { namespace: "desc" } }, take: FACET_CAP }),
    db.clusterChange.groupBy({ by: ["manager"], where: { ...where, manager: { not: null } }, _count: { manager: true }, orderBy: { _count: { manager: "desc" } }, take: FACET_CAP }),
    db.clusterChange.count({ where }),
  ]);
  return {
    kinds: kinds.map((k) => k.kind).sort((a, b) => a.localeCompare(b)),
    namespaces: namespaces.map((n) => n.namespace!).sort((a, b) => a.localeCompare(b)),
    managers: managers
      .map((m) => ({ manager: m.manager!, ...describeManager(m.manager)! }))
      .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label)),
    total,
  };
}
