import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { lockOwners } from "./lock-owners";

export async function removeMember(input: { ip?: string | null; orgId: string; userId: string; actorId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.orgId);
    const current = await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } } });
    if (!current) throw new NotFoundError("member");
    if (current.role === "owner" && owners <= 1) throw new DomainError("the last owner can't be removed: promote someone else first");
    await tx.membership.delete({ where: { id: current.id } });
    await tx.finding.updateMany({ where: { orgId: input.orgId, assigneeId: input.userId }, data: { assigneeId: null } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "member.remove", targetType: "user", targetId: input.userId }, tx);
  });
}
