import type { Finding } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyAssignment, CHANGE_TARGET_SELECT, requireMember } from "./finding-changes";

/** Assigns (or unassigns, with null) one finding; the assignee must be a member of the organization. */
export async function assignFinding(input: {
  orgId: string;
  findingId: string;
  actorId: string;
  assigneeId: string | null;
  dueAt?: Date | null;
  ip?: string | null;
}): Promise<Finding> {
  return db.$transaction(async (tx) => {
    const current = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: CHANGE_TARGET_SELECT });
    if (!current) throw new NotFoundError("finding");
    if (input.assigneeId) await requireMember(tx, input.orgId, input.assigneeId);
    const changed = await applyAssignment(tx, { orgId: input.orgId, actorId: input.actorId, assigneeId: input.assigneeId, findings: [current] });
    if (input.dueAt !== undefined) {
      await tx.finding.update({ where: { id: current.id }, data: { dueAt: input.dueAt } });
      await tx.findingEvent.create({ data: { orgId: input.orgId, findingId: current.id, actorId: input.actorId, type: "due", data: { dueAt: input.dueAt?.toISOString() ?? null } } });
    }
    if (changed.length || input.dueAt !== undefined) {
      await writeAudit(
        { orgId: input.orgId, actorId: input.actorId, action: "finding.assign", targetType: "finding", targetId: current.id, data: { from: current.assigneeId, to: input.assigneeId }, ip: input.ip ?? null },
        tx,
      );
    }
    return tx.finding.findUniqueOrThrow({ where: { id: current.id } });
  });
}
