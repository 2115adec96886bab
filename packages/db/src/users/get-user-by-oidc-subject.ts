import type { User } from "../generated/prisma/client";
import { db } from "../client";

export async function getUserByOidcSubject(oidcSubject: string): Promise<User | null> {
  return db.user.findUnique({ where: { oidcSubject } });
}
