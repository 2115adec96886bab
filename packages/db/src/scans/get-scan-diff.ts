// "What changed" in one scan against the previous finished scan of the same cluster: findings
// first seen by it (new), resolved by it (fixed), seen again by it after being resolved
// (reopened), and how many were already open before it and still are (still open).
import type { Finding, Scan } from "../generated/prisma/client";
import { db } from "../client";

export type TDiffFinding = Pick<Finding, "id" | "ruleId" | "severity" | "status" | "kind" | "namespace" | "name" | "message" | "assigneeId" | "dueAt">;

export interface TScanDiff {
  scan: Scan;
  cluster: { id: string; name: string };
  previous: Pick<Scan, "id" | "createdAt" | "finishedAt" | "status" | "score"> | null;
  new: TDiffFinding[];
  fixed: TDiffFinding[];
  reopened: TDiffFinding[];
  /** Unresolved after this scan and already unresolved before it (from the scan's stored counts). */
  stillOpen: number;
  /** Each list holds at most `limit` rows; the totals are exact. */
  totals: { new: number; fixed: number; reopened: number };
}

const SELECT = { id: true, ruleId: true, severity: true, status: true, kind: true, namespace: true, name: true, message: true, assigneeId: true, dueAt: true } as const;
const ORDER = [{ severity: "asc" as const }, { ruleId: "asc" as const }, { id: "asc" as const }];

export async function getScanDiff(input: { orgId: string; scanId: string; limit?: number }): Promise<TScanDiff | null> {
  const limit = Math.min(Math.max(input.limit ?? 200, 1), 1000);
  const scan = await db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId }, include: { cluster: { select: { id: true, name: true } } } });
  if (!scan) return null;
  const { cluster, ...scanRow } = scan;
  const previous = await db.scan.findFirst({
    where: { orgId: input.orgId, clusterId: scan.clusterId, status: { in: ["succeeded", "partial"] }, createdAt: { lt: scan.createdAt } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, finishedAt: true, status: true, score: true },
  });
  const eventIds = async (type: string) =>
    (await db.findingEvent.findMany({ where: { orgId: input.orgId, scanId: scan.id, type }, select: { findingId: true } })).map((e) => e.findingId);
  const [fixedIds, reopenedIds] = await Promise.all([eventIds("resolved"), eventIds("reopened")]);
  const newWhere = { orgId: input.orgId, clusterId: scan.clusterId, firstSeenScanId: scan.id };
  const [newRows, newTotal, fixed, reopened] = await Promise.all([
    db.finding.findMany({ where: newWhere, select: SELECT, orderBy: ORDER, take: limit }),
    db.finding.count({ where: newWhere }),
    db.finding.findMany({ where: { orgId: input.orgId, id: { in: fixedIds } }, select: SELECT, orderBy: ORDER, take: limit }),
    db.finding.findMany({ where: { orgId: input.orgId, id: { in: reopenedIds } }, select: SELECT, orderBy: ORDER, take: limit }),
  ]);
  // openCount counted open work when the scan was stored: new findings then were open unless excepted or expected for a platform component.
  const newOpen = await db.finding.count({ where: { ...newWhere, status: { not: "excepted" }, baselineId: null } });
  return {
    scan: scanRow,
    cluster,
    previous,
    new: newRows,
    fixed,
    reopened,
    stillOpen: Math.max(0, scan.openCount - newOpen - reopenedIds.length),
    totals: { new: newTotal, fixed: fixedIds.length, reopened: reopenedIds.length },
  };
}
