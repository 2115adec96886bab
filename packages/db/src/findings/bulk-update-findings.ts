// Bulk assignment and status changes, on a selection of ids or on everything a queue filter
// matches. A selection naming any id the organization does not own is refused whole (404), so
// another organization's ids look exactly like ids that exist nowhere.
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyAssignment, applyStatus, CHANGE_TARGET_SELECT, requireMember, type TPersonStatus } from "./finding-changes";
import { queueWhere, type TQueueFilter } from "./queue-filters";

export const BULK_MAX = 5000;

export type TBulkTarget = { ids: string[] } | { filter: Omit<TQueueFilter, "orgId"> };
export type TBulkChange = { kind: "assign"; assigneeId: string | null } | { kind: "status"; status: TPersonStatus };

export async function bulkUpdateFindings(input: {
  orgId: string;
  actorId: string;
  target: TBulkTarget;
  change: TBulkChange;
  comment?: string;
  ip?: string | null;
  now?: Date;
}): Promise<{ matched: number; changed: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      let findings;
      if ("ids" in input.target) {
        const ids = [...new Set(input.target.ids)];
        if (ids.length === 0) throw new DomainError("select at least one finding");
        if (ids.length > BULK_MAX) throw new DomainError(`at most ${BULK_MAX} findings at a time`);
        findings = await tx.finding.findMany({ where: { orgId: input.orgId, id: { in: ids } }, select: CHANGE_TARGET_SELECT });
        if (findings.length !== ids.length) throw new NotFoundError("finding");
      } else {
        findings = await tx.finding.findMany({ where: queueWhere({ ...input.target.filter, orgId: input.orgId }, now), select: CHANGE_TARGET_SELECT, take: BULK_MAX + 1 });
        if (findings.length > BULK_MAX) throw new DomainError(`the filter matches more than ${BULK_MAX} findings; narrow it first`);
      }
      const base = { orgId: input.orgId, actorId: input.actorId, findings, ...(input.comment ? { comment: input.comment } : {}) };
      let changed;
      if (input.change.kind === "assign") {
        if (input.change.assigneeId) await requireMember(tx, input.orgId, input.change.assigneeId);
        changed = await applyAssignment(tx, { ...base, assigneeId: input.change.assigneeId });
      } else {
        changed = await applyStatus(tx, { ...base, status: input.change.status, now });
      }
      if (changed.length) {
        await writeAudit(
          {
            orgId: input.orgId,
            actorId: input.actorId,
            action: input.change.kind === "assign" ? "finding.bulk_assign" : "finding.bulk_status",
            targetType: "finding",
            data: {
              ...(input.change.kind === "assign" ? { to: input.change.assigneeId } : { to: input.change.status }),
              target: "ids" in input.target ? "selection" : "filter",
              ...("filter" in input.target ? { filter: input.target.filter } : {}),
              matched: findings.length,
              changed: changed.length,
              findingIds: changed.slice(0, 100).map((f) => f.id),
            },
            ip: input.ip ?? null,
          },
          tx,
        );
      }
      return { matched: findings.length, changed: changed.length };
    },
    { timeout: 60_000 },
  );
}
