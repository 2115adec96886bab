import type { User } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";

/**
 * Joins an OIDC identity to a signed-in user who proved control of the account (the caller checks
 * the password). An identity belongs to one account: taking it from another is refused.
 */
export async function linkOidcIdentity(input: { userId: string; issuer: string; subject: string }): Promise<User> {
  const holder = await db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: input.issuer, oidcSubject: input.subject } } });
  if (holder && holder.id !== input.userId) throw new DomainError("this single sign-on identity is already linked to another account");
  try {
    return await db.user.update({ where: { id: input.userId }, data: { oidcIssuer: input.issuer, oidcSubject: input.subject } });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new DomainError("this single sign-on identity is already linked to another account");
    }
    throw e;
  }
}
