import type { FindingEvent } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export async function commentOnFinding(input: { orgId: string; findingId: string; actorId: string; body: string; ip?: string | null }): Promise<FindingEvent> {
  const body = input.body.trim();
  if (!body || body.length > 4000) throw new DomainError("a comment is 1 to 4000 characters");
  return db.$transaction(async (tx) => {
    const current = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: { id: true } });
    if (!current) throw new NotFoundError("finding");
    const event = await tx.findingEvent.create({ data: { orgId: input.orgId, findingId: current.id, actorId: input.actorId, type: "comment", data: { body } } });
    // The comment's text stays on the finding; the audit trail records that one was made.
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "finding.comment", targetType: "finding", targetId: current.id, data: { eventId: event.id, length: body.length }, ip: input.ip ?? null }, tx);
    return event;
  });
}
