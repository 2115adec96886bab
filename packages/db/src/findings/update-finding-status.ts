import type { Finding, FindingStatus } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyStatus, CHANGE_TARGET_SELECT } from "./finding-changes";

/**
 * People move a finding through the queue: open, in progress, resolved (a scan that still sees it
 * reopens it). "excepted" comes only from an approved exception (packages/db/src/exceptions), and
 * a finding an exception covers can't be changed by hand.
 */
export async function updateFindingStatus(input: {
  orgId: string;
  findingId: string;
  actorId: string;
  status: Extract<FindingStatus, "open" | "in_progress" | "resolved">;
  comment?: string;
  ip?: string | null;
}): Promise<Finding> {
  if (!["open", "in_progress", "resolved"].includes(input.status)) throw new DomainError("status must be open, in_progress or resolved");
  return db.$transaction(async (tx) => {
    const current = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: CHANGE_TARGET_SELECT });
    if (!current) throw new NotFoundError("finding");
    if (current.status === "excepted" && current.exceptionId) throw new DomainError("an exception covers this finding: revoke or narrow the exception to change its status");
    if (current.status !== input.status) {
      await applyStatus(tx, { orgId: input.orgId, actorId: input.actorId, status: input.status, findings: [current], ...(input.comment ? { comment: input.comment } : {}) });
      await writeAudit(
        { orgId: input.orgId, actorId: input.actorId, action: "finding.status", targetType: "finding", targetId: current.id, data: { from: current.status, to: input.status }, ip: input.ip ?? null },
        tx,
      );
    }
    return tx.finding.findUniqueOrThrow({ where: { id: current.id } });
  });
}
