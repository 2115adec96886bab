// The queue grouped by object: one row per workload or object (cluster, kind, namespace, name) with
// how many findings it has, the worst severity, the earliest due date, and its findings (worst
// first) so a page can list them inline. The worst objects first; at most `limit` objects.
import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit } from "../pagination";
import { QUEUE_ORDER_BY, queueWhere, type TQueueFilter } from "./queue-filters";

export interface TObjectGroupFinding {
  id: string;
  ruleId: string;
  severity: Severity;
  status: string;
  assigneeId: string | null;
  dueAt: Date | null;
}

export interface TObjectGroup {
  clusterId: string;
  clusterName: string;
  kind: string;
  namespace: string | null;
  name: string;
  count: number;
  worstSeverity: Severity;
  earliestDueAt: Date | null;
  /** The object's findings that match the filter, worst first (at most `perObject`). */
  findings: TObjectGroupFinding[];
}

export async function listObjectGroups(
  input: TQueueFilter & { now?: Date; limit?: number; perObject?: number },
): Promise<{ groups: TObjectGroup[]; more: boolean }> {
  const now = input.now ?? new Date();
  const limit = clampLimit(input.limit, 50, 100);
  const perObject = clampLimit(input.perObject, 12, 50);
  const where = queueWhere(input, now);
  const rows = await db.finding.groupBy({
    by: ["clusterId", "kind", "namespace", "name"],
    where,
    _count: { _all: true },
    _min: { severity: true, dueAt: true },
    orderBy: [{ _min: { severity: "asc" } }, { _count: { id: "desc" } }, { clusterId: "asc" }, { kind: "asc" }, { namespace: "asc" }, { name: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  if (page.length === 0) return { groups: [], more: false };
  const [clusters, findings] = await Promise.all([
    db.cluster.findMany({ where: { orgId: input.orgId, id: { in: [...new Set(page.map((r) => r.clusterId))] } }, select: { id: true, name: true } }),
    db.finding.findMany({
      where: { AND: [where, { OR: page.map((r) => ({ clusterId: r.clusterId, kind: r.kind, namespace: r.namespace, name: r.name })) }] },
      select: { id: true, ruleId: true, severity: true, status: true, assigneeId: true, dueAt: true, clusterId: true, kind: true, namespace: true, name: true },
      orderBy: QUEUE_ORDER_BY,
    }),
  ]);
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const key = (r: { clusterId: string; kind: string; namespace: string | null; name: string }) => `${r.clusterId}|${r.kind}|${r.namespace ?? ""}|${r.name}`;
  const byObject = new Map<string, TObjectGroupFinding[]>();
  for (const f of findings) {
    const list = byObject.get(key(f)) ?? [];
    if (list.length < perObject) list.push({ id: f.id, ruleId: f.ruleId, severity: f.severity, status: f.status, assigneeId: f.assigneeId, dueAt: f.dueAt });
    byObject.set(key(f), list);
  }
  return {
    groups: page.map((r) => ({
      clusterId: r.clusterId,
      clusterName: names.get(r.clusterId) ?? "",
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      count: r._count._all,
      worstSeverity: r._min.severity ?? "info",
      earliestDueAt: r._min.dueAt ?? null,
      findings: byObject.get(key(r)) ?? [],
    })),
    more: rows.length > limit,
  };
}
