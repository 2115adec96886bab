import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { lockMemberChange } from "./lock-members";

/** Checks and removal in one transaction on locked rows (see lockMemberChange). */
export async function removeMember(input: { ip?: string | null; orgId: string; userId: string; actorId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { owners, target } = await lockMemberChange(tx, input);
    if (target.role === "owner" && owners <= 1) throw new DomainError("the last owner can't be removed: promote someone else first");
    await tx.membership.delete({ where: { id: target.id } });
    await tx.finding.updateMany({ where: { orgId: input.orgId, assigneeId: input.userId }, data: { assigneeId: null } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "member.remove", targetType: "user", targetId: input.userId }, tx);
  });
}
