import type { RiskEvent } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export async function commentOnRisk(input: { orgId: string; riskId: string; actorId: string; body: string; ip?: string | null }): Promise<RiskEvent> {
  const body = input.body.trim();
  if (!body || body.length > 4000) throw new DomainError("a comment is 1 to 4000 characters");
  return db.$transaction(async (tx) => {
    const current = await tx.risk.findFirst({ where: { id: input.riskId, orgId: input.orgId }, select: { id: true } });
    if (!current) throw new NotFoundError("risk");
    const event = await tx.riskEvent.create({ data: { orgId: input.orgId, riskId: current.id, actorId: input.actorId, type: "comment", data: { body } } });
    // The text stays on the risk; the audit trail records that a comment was made.
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "risk.comment", targetType: "risk", targetId: current.id, data: { eventId: event.id, length: body.length }, ip: input.ip ?? null }, tx);
    return event;
  });
}
