import type { Invite, Role } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { normalizeEmail } from "../users/normalize-email";
import { hashInviteToken, newInviteToken } from "./token";

/** Returns the token once (for the link); only its sha256 is stored. */
export async function createInvite(input: { ip?: string | null; orgId: string; role: Role; createdById: string; email?: string; expiresInDays?: number }): Promise<{ token: string; invite: Invite }> {
  const days = input.expiresInDays ?? 7;
  if (!(days > 0 && days <= 90)) throw new DomainError("an invite expires after 1 to 90 days");
  if (input.role === "owner") throw new DomainError("invite as admin and promote to owner after joining");
  const token = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: {
        orgId: input.orgId,
        tokenHash: hashInviteToken(token),
        role: input.role,
        email: input.email ? normalizeEmail(input.email) : null,
        createdById: input.createdById,
        expiresAt: new Date(Date.now() + days * 86_400_000),
      },
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.createdById, action: "invite.create", targetType: "invite", targetId: invite.id, data: { role: input.role, email: invite.email } }, tx);
    return invite;
  });
  return { token, invite };
}
