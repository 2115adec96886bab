import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export async function revokeInvite(input: { ip?: string | null; orgId: string; inviteId: string; actorId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const res = await tx.invite.updateMany({ where: { id: input.inviteId, orgId: input.orgId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count === 0) throw new NotFoundError("invite");
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "invite.revoke", targetType: "invite", targetId: input.inviteId }, tx);
  });
}
