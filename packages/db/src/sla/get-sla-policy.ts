import { db } from "../client";
import { NotFoundError } from "../errors";
import { resolveSlaPolicy, type TSlaPolicy } from "./sla-policy";

export async function getSlaPolicy(input: { orgId: string }): Promise<TSlaPolicy> {
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { slaPolicy: true } });
  if (!org) throw new NotFoundError("organization");
  return resolveSlaPolicy(org.slaPolicy);
}
