import type { Invite, Organization } from "../generated/prisma/client";
import { db } from "../client";
import { hashInviteToken } from "./token";

/** A usable invite only: expired, accepted or revoked invites read as null. */
export async function getInviteByToken(token: string): Promise<(Invite & { org: Organization }) | null> {
  if (!token) return null;
  return db.invite.findFirst({
    where: { tokenHash: hashInviteToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    include: { org: true },
  });
}
