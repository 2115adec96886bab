import { db } from "../client";

/**
 * Ends every session of the user: session tokens carry the version they were issued under and
 * stop being accepted once it changes. Returns the new version.
 */
export async function revokeSessions(userId: string): Promise<number> {
  const u = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return u.sessionVersion;
}

/** A new password ends every session issued under the old one. Returns the new session version. */
export async function setPasswordHash(input: { userId: string; passwordHash: string }): Promise<number> {
  const u = await db.user.update({
    where: { id: input.userId },
    data: { passwordHash: input.passwordHash, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return u.sessionVersion;
}
