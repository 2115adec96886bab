import { db } from "../client";
import { hashInviteToken, newInviteToken } from "../invites/token";

const HOURS = 24;

/** A single-use link token proving the user reads their mail; only its hash is stored. */
export async function createEmailToken(userId: string): Promise<string> {
  const token = newInviteToken();
  await db.emailToken.create({ data: { userId, tokenHash: hashInviteToken(token), expiresAt: new Date(Date.now() + HOURS * 3600_000) } });
  return token;
}

/** Marks the address verified once; an unknown, used or expired token answers null. */
export async function verifyEmailToken(token: string): Promise<{ userId: string; email: string } | null> {
  return db.$transaction(async (tx) => {
    const used = await tx.emailToken.updateMany({
      where: { tokenHash: hashInviteToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    const row = await tx.emailToken.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(token) }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() }, select: { id: true, email: true } });
    return { userId: user.id, email: user.email };
  });
}

/**
 * Whether sign-in must wait for the mailed link: a link was sent and not yet opened. Accounts made
 * while no mail server was configured have none, so turning SMTP_URL on later locks nobody out.
 */
export async function awaitsEmailVerification(userId: string): Promise<boolean> {
  const n = await db.emailToken.count({ where: { userId, user: { emailVerifiedAt: null } } });
  return n > 0;
}
