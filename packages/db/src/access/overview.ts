// The access overview of an organization: per cluster the model's counts, its admins, stale items
// and access changes since the last signed-off review; across clusters the subjects that hold
// admin or high capabilities (built-in ones left out), admins first.
import type { AccessModel, AccessSubjectKind, Capability, CapabilityLevel, SubjectRef } from "@bulwark/rules";
import { db } from "../client";
import { pgTimestamp } from "./save-access-model";

export interface TAccessOverview {
  clusters: Array<{
    clusterId: string;
    clusterName: string;
    builtAt: Date | null;
    counts: AccessModel["counts"] | null;
    admins: number;
    stale: number;
    changesSinceReview: number;
  }>;
  privileged: Array<{ ref: SubjectRef; level: CapabilityLevel; clusters: Array<{ clusterId: string; clusterName: string; capabilities: Capability[] }> }>;
  lastReview: { id: string; title: string; signedOffAt: Date } | null;
}

export const LEVEL_RANK: Record<string, number> = { admin: 0, high: 1, medium: 2, "": 3 };

export const refOf = (kind: string, name: string, namespace: string): SubjectRef =>
  kind === "ServiceAccount" ? { kind, name, namespace } : { kind: kind as AccessSubjectKind, name };

export async function getAccessOverview(input: { orgId: string }): Promise<TAccessOverview> {
  const { orgId } = input;
  const [review] = await db.$queryRaw<Array<{ id: string; title: string; signedOffAt: Date }>>`
    SELECT id, title, "signedOffAt" FROM "AccessReview"
    WHERE "orgId" = ${orgId} AND status = 'signed-off' AND "signedOffAt" IS NOT NULL
    ORDER BY "signedOffAt" DESC LIMIT 1`;
  const since = review?.signedOffAt ?? new Date(0);
  const [clusters, privileged] = await Promise.all([
    db.$queryRaw<Array<{ clusterId: string; clusterName: string; builtAt: Date | null; counts: AccessModel["counts"] | null; admins: number; stale: number; changes: number }>>`
      SELECT c.id AS "clusterId", c.name AS "clusterName", s."builtAt", s.counts,
             (SELECT count(*)::int FROM "AccessSubject" a WHERE a."clusterId" = c.id AND a.privilege = 'admin' AND NOT a."builtIn") AS admins,
             coalesce(jsonb_array_length(s.stale), 0)::int AS stale,
             (SELECT count(*)::int FROM "AccessChange" ch WHERE ch."clusterId" = c.id AND ch.at > ${pgTimestamp(since)}::timestamp) AS changes
      FROM "Cluster" c LEFT JOIN "AccessSnapshot" s ON s."clusterId" = c.id
      WHERE c."orgId" = ${orgId}
      ORDER BY c.name, c.id`,
    db.$queryRaw<Array<{ clusterId: string; clusterName: string; kind: string; name: string; namespace: string; privilege: string; capabilities: Capability[] }>>`
      SELECT a."clusterId", c.name AS "clusterName", a.kind, a.name, a.namespace, a.privilege, a.capabilities
      FROM "AccessSubject" a JOIN "Cluster" c ON c.id = a."clusterId"
      WHERE a."orgId" = ${orgId} AND a.privilege IN ('admin', 'high') AND NOT a."builtIn"
      ORDER BY a.kind, a.namespace, a.name, c.name, c.id`,
  ]);
  const bySubject = new Map<string, TAccessOverview["privileged"][number]>();
  for (const r of privileged) {
    const key = `${r.kind}\u001f${r.namespace}\u001f${r.name}`;
    let s = bySubject.get(key);
    if (!s) bySubject.set(key, (s = { ref: refOf(r.kind, r.name, r.namespace), level: r.privilege as CapabilityLevel, clusters: [] }));
    if (LEVEL_RANK[r.privilege]! < LEVEL_RANK[s.level]!) s.level = r.privilege as CapabilityLevel;
    s.clusters.push({ clusterId: r.clusterId, clusterName: r.clusterName, capabilities: r.capabilities });
  }
  // Stable: rows came sorted by kind, namespace, name; this puts admins first.
  const list = [...bySubject.values()].sort((a, b) => LEVEL_RANK[a.level]! - LEVEL_RANK[b.level]!);
  return {
    clusters: clusters.map(({ changes, ...c }) => ({ ...c, changesSinceReview: changes })),
    privileged: list,
    lastReview: review ?? null,
  };
}
