import type { Invite } from "../generated/prisma/client";
import { db } from "../client";

/** Pending invites (not accepted, not revoked, not expired), newest first. */
export async function listInvites(input: { orgId: string }): Promise<Invite[]> {
  return db.invite.findMany({
    where: { orgId: input.orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
}
