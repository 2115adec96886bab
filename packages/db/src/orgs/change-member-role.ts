import type { Membership, Role } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { lockMemberChange } from "./lock-members";

/** Checks and change in one transaction on locked rows (see lockMemberChange). */
export async function changeMemberRole(input: { ip?: string | null; orgId: string; userId: string; role: Role; actorId: string }): Promise<Membership> {
  return db.$transaction(async (tx) => {
    const { owners, target } = await lockMemberChange(tx, { orgId: input.orgId, userId: input.userId, actorId: input.actorId, newRole: input.role });
    if (target.role === "owner" && input.role !== "owner" && owners <= 1) {
      throw new DomainError("the organization must keep at least one owner: promote someone else first");
    }
    const updated = await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await writeAudit(
      { ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "member.role", targetType: "user", targetId: input.userId, data: { from: target.role, to: input.role } },
      tx,
    );
    return updated;
  });
}
