import type { Membership } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { hashInviteToken } from "./token";

export async function acceptInvite(input: { ip?: string | null; token: string; userId: string }): Promise<Membership> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Claiming with a conditional update makes a link single-use even under concurrent clicks.
    const claimed = await tx.invite.updateMany({
      where: { tokenHash: hashInviteToken(input.token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError("this invite link is invalid, expired, revoked or already used");
    const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(input.token) } });
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new DomainError("user does not exist");
    if (invite.email && invite.email !== user.email) throw new DomainError(`this invite is for ${invite.email}; sign in with that address`);
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invite.orgId, userId: input.userId } } });
    if (existing) throw new DomainError("you are already a member of this organization");
    const membership = await tx.membership.create({ data: { orgId: invite.orgId, userId: input.userId, role: invite.role } });
    await writeAudit({ ip: input.ip ?? null, orgId: invite.orgId, actorId: input.userId, action: "invite.accept", targetType: "invite", targetId: invite.id, data: { role: invite.role } }, tx);
    return membership;
  });
}
