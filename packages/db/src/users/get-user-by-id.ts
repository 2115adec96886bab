import type { User } from "../generated/prisma/client";
import { db } from "../client";

export async function getUserById(id: string): Promise<User | null> {
  return db.user.findUnique({ where: { id } });
}
