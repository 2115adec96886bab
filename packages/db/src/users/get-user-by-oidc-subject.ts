import type { User } from "../generated/prisma/client";
import { db } from "../client";

export async function getUserByOidcSubject(issuer: string, oidcSubject: string): Promise<User | null> {
  return db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject } } });
}
