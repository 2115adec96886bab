import type { Organization, Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/** Replaces the org's engine policy ({ severityOverrides, disabledRules, params, exceptions }). */
export async function updateOrganizationPolicy(input: { ip?: string | null; orgId: string; actorId: string; policy: unknown; allowInsecureTls?: boolean }): Promise<Organization> {
  return db.$transaction(async (tx) => {
    const res = await tx.organization.updateMany({
      where: { id: input.orgId },
      data: { policy: (input.policy ?? {}) as Prisma.InputJsonValue, ...(input.allowInsecureTls === undefined ? {} : { allowInsecureTls: input.allowInsecureTls }) },
    });
    if (res.count === 0) throw new NotFoundError("organization");
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "org.policy", targetType: "organization", targetId: input.orgId }, tx);
    return tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
  });
}
