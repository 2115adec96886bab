import type { Membership, User } from "../generated/prisma/client";
import { db } from "../client";

export async function listMembers(input: { orgId: string }): Promise<Array<Membership & { user: Pick<User, "id" | "email" | "name"> }>> {
  return db.membership.findMany({
    where: { orgId: input.orgId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
}
