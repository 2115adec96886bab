import type { Membership, Organization } from "../generated/prisma/client";
import { db } from "../client";

export async function listMembershipsForUser(userId: string): Promise<Array<Membership & { org: Organization }>> {
  return db.membership.findMany({ where: { userId }, include: { org: true }, orderBy: { createdAt: "asc" } });
}
