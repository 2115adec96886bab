import type { Finding } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";

export async function assignFinding(input: { orgId: string; findingId: string; actorId: string; assigneeId: string | null; dueAt?: Date | null }): Promise<Finding> {
  return db.$transaction(async (tx) => {
    const current = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: { id: true } });
    if (!current) throw new NotFoundError("finding");
    if (input.assigneeId) {
      const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.assigneeId } } });
      if (!member) throw new DomainError("the assignee is not a member of this organization");
    }
    const updated = await tx.finding.update({ where: { id: current.id }, data: { assigneeId: input.assigneeId, ...(input.dueAt === undefined ? {} : { dueAt: input.dueAt }) } });
    await tx.findingEvent.create({ data: { orgId: input.orgId, findingId: current.id, actorId: input.actorId, type: "assigned", data: { assigneeId: input.assigneeId } } });
    return updated;
  });
}
