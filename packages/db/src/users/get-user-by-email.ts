import type { User } from "../generated/prisma/client";
import { db } from "../client";
import { normalizeEmail } from "./normalize-email";

export async function getUserByEmail(email: string): Promise<User | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(email) } });
}
