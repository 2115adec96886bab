import type { CustomRule } from "../generated/prisma/client";
import { db } from "../client";
import { readPolicy, type TOrgPolicy } from "./policy-schema";

export async function getPolicy(input: { orgId: string }): Promise<{ policy: TOrgPolicy; customRules: CustomRule[] } | null> {
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { policy: true } });
  if (!org) return null;
  const customRules = await db.customRule.findMany({ where: { orgId: input.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { policy: readPolicy(org.policy), customRules };
}

export async function listCustomRules(input: { orgId: string; enabledOnly?: boolean }): Promise<CustomRule[]> {
  return db.customRule.findMany({ where: { orgId: input.orgId, ...(input.enabledOnly ? { enabled: true } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
