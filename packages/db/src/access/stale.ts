// Stale access: the stale items of each cluster's latest model build, and people or groups bound in
// some of the organization's clusters but in none of the others (someone who left one cluster but
// not another). Only clusters with a built model count as "missing from"; system: names are
// Kubernetes' own and left out.
import type { StaleItem, SubjectRef } from "@bulwark/rules";
import { db } from "../client";
import { refOf } from "./overview";

type TClusterRef = { clusterId: string; clusterName: string };

export interface TStaleAccess {
  items: Array<StaleItem & TClusterRef>;
  partial: Array<{ ref: SubjectRef; boundIn: TClusterRef[]; missingFrom: TClusterRef[] }>;
}

export async function listStaleAccess(input: { orgId: string; clusterId?: string }): Promise<TStaleAccess> {
  const { orgId } = input;
  const [built, bound] = await Promise.all([
    db.$queryRaw<Array<TClusterRef & { stale: StaleItem[] }>>`
      SELECT c.id AS "clusterId", c.name AS "clusterName", s.stale FROM "Cluster" c JOIN "AccessSnapshot" s ON s."clusterId" = c.id
      WHERE c."orgId" = ${orgId} ORDER BY c.name, c.id`,
    db.$queryRaw<Array<{ kind: string; name: string; clusterId: string }>>`
      SELECT DISTINCT a.kind, a.name, a."clusterId" FROM "AccessSubject" a
      WHERE a."orgId" = ${orgId} AND a.kind IN ('User', 'Group') AND a.name NOT LIKE 'system:%'
      ORDER BY a.kind, a.name`,
  ]);
  const only = input.clusterId;
  const items = built.filter((c) => only === undefined || c.clusterId === only).flatMap((c) => c.stale.map((s) => ({ ...s, clusterId: c.clusterId, clusterName: c.clusterName })));
  const clusterOf = new Map(built.map((c) => [c.clusterId, { clusterId: c.clusterId, clusterName: c.clusterName }]));
  const bySubject = new Map<string, { kind: string; name: string; in: Set<string> }>();
  for (const r of bound) {
    if (!clusterOf.has(r.clusterId)) continue;
    const key = `${r.kind}\u001f${r.name}`;
    let s = bySubject.get(key);
    if (!s) bySubject.set(key, (s = { kind: r.kind, name: r.name, in: new Set() }));
    s.in.add(r.clusterId);
  }
  const partial: TStaleAccess["partial"] = [];
  for (const s of bySubject.values()) {
    const missing = built.filter((c) => !s.in.has(c.clusterId));
    if (missing.length === 0) continue;
    if (only !== undefined && !clusterOf.has(only)) continue;
    const boundIn = built.filter((c) => s.in.has(c.clusterId)).map((c) => clusterOf.get(c.clusterId)!);
    partial.push({ ref: refOf(s.kind, s.name, ""), boundIn, missingFrom: missing.map((c) => clusterOf.get(c.clusterId)!) });
  }
  return { items, partial };
}
