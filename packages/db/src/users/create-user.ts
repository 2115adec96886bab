import type { User } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { normalizeEmail } from "./normalize-email";

/** A user without an organization, e.g. someone signing up through an invite link. */
export async function createUser(input: { email: string; name?: string; passwordHash: string | null; oidcSubject?: string }): Promise<User> {
  try {
    return await db.user.create({
      data: { email: normalizeEmail(input.email), name: input.name?.trim() || null, passwordHash: input.passwordHash, oidcSubject: input.oidcSubject ?? null },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new DomainError("an account with this email already exists");
    throw e;
  }
}
