import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export const MIN_CHANGE_RETENTION_DAYS = 1;
export const MAX_CHANGE_RETENTION_DAYS = 3650;

/** How long the organization keeps its clusters' change history (admins); audited with both values. */
export async function updateChangeRetention(input: { orgId: string; actorId: string; days: number; ip?: string | null }): Promise<{ changeRetentionDays: number }> {
  if (!Number.isInteger(input.days) || input.days < MIN_CHANGE_RETENTION_DAYS || input.days > MAX_CHANGE_RETENTION_DAYS) {
    throw new DomainError(`retention must be a whole number of days from ${MIN_CHANGE_RETENTION_DAYS} to ${MAX_CHANGE_RETENTION_DAYS}`);
  }
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.orgId }, select: { changeRetentionDays: true } });
    if (!org) throw new NotFoundError("organization");
    if (org.changeRetentionDays === input.days) return org;
    const updated = await tx.organization.update({ where: { id: input.orgId }, data: { changeRetentionDays: input.days }, select: { changeRetentionDays: true } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "org.change_retention", targetType: "organization", targetId: input.orgId, data: { from: org.changeRetentionDays, to: input.days } }, tx);
    return updated;
  });
}

export async function getChangeRetention(input: { orgId: string }): Promise<number> {
  const org = await db.organization.findUnique({ where: { id: input.orgId }, select: { changeRetentionDays: true } });
  if (!org) throw new NotFoundError("organization");
  return org.changeRetentionDays;
}
