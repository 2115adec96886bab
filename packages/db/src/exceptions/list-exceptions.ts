import type { ExceptionStatus, RiskException } from "../generated/prisma/client";
import { db, type Tx } from "../client";
import { coverableFindings } from "./exception-scope";

export type TExceptionRow = RiskException & {
  clusterName: string | null;
  requestedBy: { id: string; name: string | null; email: string } | null;
  decidedBy: { id: string; name: string | null; email: string } | null;
  /** findings this exception holds as excepted right now */
  covered: number;
  /** for a pending request: the unresolved findings approving it would mark excepted now */
  wouldCover: number | null;
};

const person = { select: { id: true, name: true, email: true } } as const;

export async function withExtras(orgId: string, rows: Array<RiskException & Pick<TExceptionRow, "requestedBy" | "decidedBy"> & { _count: { findings: number } }>): Promise<TExceptionRow[]> {
  const clusterIds = [...new Set(rows.map((r) => r.clusterId).filter((x): x is string => !!x))];
  const clusters = clusterIds.length ? await db.cluster.findMany({ where: { orgId, id: { in: clusterIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  // A request's reach helps the admin decide; reads only, so the client stands in for a transaction.
  const reach = new Map<string, number>();
  for (const r of rows) if (r.status === "requested") reach.set(r.id, (await coverableFindings(db as unknown as Tx, orgId, r)).length);
  return rows.map(({ _count, ...r }) => ({ ...r, clusterName: r.clusterId ? (names.get(r.clusterId) ?? null) : null, covered: _count.findings, wouldCover: reach.get(r.id) ?? null }));
}

export const exceptionInclude = { requestedBy: person, decidedBy: person, _count: { select: { findings: true } } } as const;

/** Newest first, filtered by status; pending requests first when several statuses are asked for. */
export async function listExceptions(input: { orgId: string; statuses?: ExceptionStatus[]; ruleId?: string; findingId?: string; limit?: number }): Promise<TExceptionRow[]> {
  const rows = await db.riskException.findMany({
    where: {
      orgId: input.orgId,
      ...(input.statuses?.length ? { status: { in: input.statuses } } : {}),
      ...(input.ruleId ? { ruleId: input.ruleId } : {}),
      ...(input.findingId ? { findingId: input.findingId } : {}),
    },
    include: exceptionInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 200, 1), 500),
  });
  return withExtras(input.orgId, rows);
}

/** How many exceptions there are in each status (for the tabs). */
export async function countExceptionsByStatus(input: { orgId: string }): Promise<Record<ExceptionStatus, number>> {
  const groups = await db.riskException.groupBy({ by: ["status"], where: { orgId: input.orgId }, _count: { _all: true } });
  const out: Record<ExceptionStatus, number> = { requested: 0, approved: 0, rejected: 0, revoked: 0, expired: 0 };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}
