import type { Membership, Role } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { lockOwners } from "./lock-owners";

export async function changeMemberRole(input: { ip?: string | null; orgId: string; userId: string; role: Role; actorId: string }): Promise<Membership> {
  return db.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.orgId);
    const current = await tx.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } } });
    if (!current) throw new NotFoundError("member");
    if (current.role === "owner" && input.role !== "owner" && owners <= 1) {
      throw new DomainError("the organization must keep at least one owner: promote someone else first");
    }
    const updated = await tx.membership.update({ where: { id: current.id }, data: { role: input.role } });
    await writeAudit(
      { ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "member.role", targetType: "user", targetId: input.userId, data: { from: current.role, to: input.role } },
      tx,
    );
    return updated;
  });
}
