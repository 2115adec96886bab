// Saves the SLA policy and moves the due date of every unresolved finding to match, keeping each
// finding's clock start (first seen, or the time it was reopened): new due = old due - old days + new days.
// Findings expected for a platform component (baselineId) have no due date and keep none.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { resolveSlaPolicy, ZSlaPolicy, type TSlaPolicy } from "./sla-policy";

export async function updateSlaPolicy(input: { orgId: string; actorId: string; policy: TSlaPolicy; ip?: string | null }): Promise<{ policy: TSlaPolicy; findingsUpdated: number }> {
  const policy = ZSlaPolicy.parse(input.policy);
  return db.$transaction(async (tx) => {
    const [org] = await tx.$queryRawUnsafe<Array<{ slaPolicy: unknown }>>(`SELECT "slaPolicy" FROM "Organization" WHERE id = $1 FOR UPDATE`, input.orgId);
    if (!org) throw new NotFoundError("organization");
    const before = resolveSlaPolicy(org.slaPolicy);
    await tx.organization.update({ where: { id: input.orgId }, data: { slaPolicy: policy as unknown as Prisma.InputJsonValue } });
    const findingsUpdated = await tx.$executeRawUnsafe(
      `UPDATE "Finding" f
          SET "dueAt" = coalesce(f."dueAt" - make_interval(days => ($2::jsonb ->> f.severity::text)::int), f."firstSeenAt")
                        + make_interval(days => ($3::jsonb ->> f.severity::text)::int)
        WHERE f."orgId" = $1 AND f.status <> 'resolved' AND f."baselineId" IS NULL
          AND f."dueAt" IS DISTINCT FROM coalesce(f."dueAt" - make_interval(days => ($2::jsonb ->> f.severity::text)::int), f."firstSeenAt")
                        + make_interval(days => ($3::jsonb ->> f.severity::text)::int)`,
      input.orgId,
      JSON.stringify(before),
      JSON.stringify(policy),
    );
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "sla.update", targetType: "organization", targetId: input.orgId, data: { before, after: policy, findingsUpdated }, ip: input.ip ?? null }, tx);
    return { policy, findingsUpdated };
  });
}
