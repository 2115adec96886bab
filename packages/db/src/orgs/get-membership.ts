import type { Membership } from "../generated/prisma/client";
import { db } from "../client";

export async function getMembership(input: { orgId: string; userId: string }): Promise<Membership | null> {
  return db.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } } });
}
