import type { Organization } from "../generated/prisma/client";
import { db } from "../client";

export async function getOrganization(input: { orgId: string }): Promise<Organization | null> {
  return db.organization.findUnique({ where: { id: input.orgId } });
}
