import type { Risk } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { PERSON_STATUSES, type TPersonStatus } from "../findings/finding-changes";

/**
 * People move a risk through open, in progress and resolved (a scan that still sees it reopens
 * it). "excepted" comes only from exceptions covering its findings, and such a risk can't be
 * changed by hand.
 */
export async function setRiskStatus(input: { orgId: string; riskId: string; actorId: string; status: TPersonStatus; comment?: string; ip?: string | null }): Promise<Risk> {
  if (!PERSON_STATUSES.includes(input.status)) throw new DomainError("status must be open, in_progress or resolved");
  return db.$transaction(async (tx) => {
    const current = await tx.risk.findFirst({ where: { id: input.riskId, orgId: input.orgId }, select: { id: true, status: true, exceptionId: true } });
    if (!current) throw new NotFoundError("risk");
    if (current.status === "excepted" && current.exceptionId) throw new DomainError("an exception covers this risk's findings: revoke or narrow the exception to change its status");
    if (current.status === input.status) return tx.risk.findUniqueOrThrow({ where: { id: current.id } });
    const now = new Date();
    const risk = await tx.risk.update({ where: { id: current.id }, data: { status: input.status, resolvedAt: input.status === "resolved" ? now : null } });
    await tx.riskEvent.create({
      data: { orgId: input.orgId, riskId: current.id, actorId: input.actorId, type: "status", data: { from: current.status, to: input.status, comment: input.comment?.trim() || null }, createdAt: now },
    });
    await writeAudit(
      { orgId: input.orgId, actorId: input.actorId, action: "risk.status", targetType: "risk", targetId: current.id, data: { from: current.status, to: input.status }, ip: input.ip ?? null },
      tx,
    );
    return risk;
  });
}
