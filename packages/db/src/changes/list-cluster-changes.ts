// A cluster's change history (objects added, modified, deleted, as the watch saw them), newest
// first with a keyset cursor, and for each change the findings its judging introduced.
import type { ChangeType, Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";
import { describeManager, type TManagerView } from "./change-manager";

export const CHANGE_TYPES = ["added", "modified", "deleted"] as const satisfies readonly ChangeType[];

export interface TChangeFilter {
  namespace?: string;
  kind?: string;
  /** the raw field manager, e.g. "kubectl-client-side-apply" */
  manager?: string;
  type?: ChangeType;
  /** object name contains (case-insensitive) */
  q?: string;
  since?: Date;
  until?: Date;
}

export interface TChangeRow {
  id: string;
  at: Date;
  type: ChangeType;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  manager: string | null;
  managerView: TManagerView | null;
  fields: string[];
  resourceVersion: string | null;
  scanId: string | null;
  /** findings of this object first seen by the judging that included the change */
  introduced: number;
}

interface TChangeCursor {
  a: string;
  i: string;
}
const isChangeCursor = (v: unknown): v is TChangeCursor => {
  const c = v as TChangeCursor;
  return typeof v === "object" && v !== null && typeof c.a === "string" && !Number.isNaN(Date.parse(c.a)) && typeof c.i === "string" && c.i.length > 0 && c.i.length <= 64;
};

export function changesWhere(orgId: string, clusterId: string, f: TChangeFilter): Prisma.ClusterChangeWhereInput {
  const q = f.q?.trim();
  return {
    orgId,
    clusterId,
    ...(f.namespace ? { namespace: f.namespace } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.manager ? { manager: f.manager } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(q ? { name: { contains: q, mode: "insensitive" as const } } : {}),
    ...(f.since || f.until ? { at: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lt: f.until } : {}) } } : {}),
  };
}

/**
 * One page of a cluster's changes, newest first. An unknown or foreign cluster is NotFoundError
 * (not an empty history), so the API answers 404 for another organization's id.
 */
export async function listClusterChanges(input: { orgId: string; clusterId: string; filter?: TChangeFilter; cursor?: string; limit?: number }): Promise<{ items: TChangeRow[]; nextCursor?: string }> {
  const cluster = await db.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true } });
  if (!cluster) throw new NotFoundError("cluster");
  const limit = clampLimit(input.limit, 50);
  const after = decodeCursor(input.cursor, isChangeCursor);
  const base = changesWhere(input.orgId, input.clusterId, input.filter ?? {});
  const where: Prisma.ClusterChangeWhereInput = after
    ? { AND: [base, { OR: [{ at: { lt: new Date(after.a) } }, { at: new Date(after.a), id: { lt: after.i } }] }] }
    : base;
  const rows = await db.clusterChange.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  const introduced = await countIntroduced(input.orgId, input.clusterId, page);
  const items = page.map((r) => ({
    id: r.id,
    at: r.at,
    type: r.type,
    apiVersion: r.apiVersion,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    manager: r.manager,
    managerView: describeManager(r.manager),
    fields: r.fields,
    resourceVersion: r.resourceVersion,
    scanId: r.scanId,
    introduced: r.type === "deleted" ? 0 : (introduced.get(objectBatchKey(r.judgedAt, r.kind, r.namespace, r.name)) ?? 0),
  }));
  const last = page[page.length - 1];
  return { items, ...(rows.length > limit && last ? { nextCursor: encodeCursor({ a: last.at.toISOString(), i: last.id } satisfies TChangeCursor) } : {}) };
}

const objectBatchKey = (judgedAt: Date | null, kind: string, namespace: string | null, name: string) => `${judgedAt?.getTime() ?? ""}|${kind}|${namespace ?? ""}|${name}`;

/**
 * Findings a change's judging introduced on its object: first seen, or reopened, when the batch
 * that included the change was recorded (a finding's firstSeenAt, or its reopened event's time, is
 * the change's judgedAt). Findings the batch introduced on other objects (a RoleBinding's on the
 * workloads it empowers) are counted on those objects' own changes, not this one.
 */
async function countIntroduced(orgId: string, clusterId: string, rows: Array<{ judgedAt: Date | null; type: ChangeType }>): Promise<Map<string, number>> {
  const times = [...new Set(rows.filter((r) => r.judgedAt && r.type !== "deleted").map((r) => r.judgedAt!.toISOString()))];
  if (times.length === 0) return new Map();
  const groups = await db.$queryRaw<Array<{ t: Date; kind: string; namespace: string | null; name: string; n: number }>>`
    SELECT t, kind, namespace, name, sum(n)::int AS n FROM (
      SELECT f."firstSeenAt" AS t, f.kind, f.namespace, f.name, count(*) AS n
      FROM "Finding" f
      WHERE f."orgId" = ${orgId} AND f."clusterId" = ${clusterId} AND f."baselineId" IS NULL AND f."firstSeenAt" = ANY(${times}::timestamp[])
      GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT e."createdAt" AS t, f.kind, f.namespace, f.name, count(*) AS n
      FROM "FindingEvent" e JOIN "Finding" f ON f.id = e."findingId"
      WHERE e."orgId" = ${orgId} AND e.type = 'reopened' AND e."createdAt" = ANY(${times}::timestamp[]) AND f."clusterId" = ${clusterId} AND f."baselineId" IS NULL
      GROUP BY 1, 2, 3, 4
    ) x GROUP BY 1, 2, 3, 4`;
  return new Map(groups.map((g) => [objectBatchKey(g.t, g.kind, g.namespace, g.name), g.n]));
}
