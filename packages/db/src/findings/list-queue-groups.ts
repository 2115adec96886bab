// The queue grouped by rule: the same rule on many objects is one row (how many, worst severity,
// earliest due date, how many overdue or unassigned). Bounded by the rule catalog, so no paging.
import type { Severity } from "../generated/prisma/client";
import { db } from "../client";
import { QUEUE_SEVERITY_ORDER, queueWhere, type TQueueFilter } from "./queue-filters";

export interface TQueueGroup {
  ruleId: string;
  count: number;
  worstSeverity: Severity;
  earliestDueAt: Date | null;
  oldestFirstSeenAt: Date;
  overdue: number;
  unassigned: number;
}

export async function listQueueGroups(input: TQueueFilter & { now?: Date }): Promise<TQueueGroup[]> {
  const now = input.now ?? new Date();
  const where = queueWhere(input, now);
  const [groups, overdue, unassigned] = await Promise.all([
    db.finding.groupBy({ by: ["ruleId"], where, _count: { _all: true }, _min: { severity: true, dueAt: true, firstSeenAt: true } }),
    db.finding.groupBy({ by: ["ruleId"], where: { AND: [where, { dueAt: { lt: now } }] }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["ruleId"], where: { AND: [where, { assigneeId: null }] }, _count: { _all: true } }),
  ]);
  const od = new Map(overdue.map((g) => [g.ruleId, g._count._all]));
  const un = new Map(unassigned.map((g) => [g.ruleId, g._count._all]));
  const rank = (s: Severity) => QUEUE_SEVERITY_ORDER.indexOf(s);
  return groups
    .map((g) => ({
      ruleId: g.ruleId,
      count: g._count._all,
      worstSeverity: g._min.severity ?? "info",
      earliestDueAt: g._min.dueAt ?? null,
      oldestFirstSeenAt: g._min.firstSeenAt ?? now,
      overdue: od.get(g.ruleId) ?? 0,
      unassigned: un.get(g.ruleId) ?? 0,
    }))
    .sort(
      (a, b) =>
        rank(a.worstSeverity) - rank(b.worstSeverity) ||
        (a.earliestDueAt?.getTime() ?? Infinity) - (b.earliestDueAt?.getTime() ?? Infinity) ||
        b.count - a.count ||
        a.ruleId.localeCompare(b.ruleId),
    );
}
