import type { RiskException } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { releaseException } from "./exception-scope";

/**
 * Ends an approved exception (its findings return to open, assignees are told) or withdraws a
 * pending request.
 */
export async function revokeException(input: { orgId: string; exceptionId: string; actorId: string; note?: string | null; ip?: string | null; now?: Date }): Promise<{ exception: RiskException; released: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await tx.riskException.findFirst({ where: { id: input.exceptionId, orgId: input.orgId } });
    if (!current) throw new NotFoundError("exception");
    if (current.status !== "approved" && current.status !== "requested") throw new DomainError(`this exception is already ${current.status}`);
    const res = await tx.riskException.updateMany({
      where: { id: current.id, orgId: input.orgId, status: current.status },
      data: { status: "revoked", decisionNote: input.note?.trim() || current.decisionNote, ...(current.status === "requested" ? { decidedById: input.actorId, decidedAt: now } : {}) },
    });
    if (res.count === 0) throw new DomainError("this exception changed just now; reload and try again");
    const exception = await tx.riskException.findUniqueOrThrow({ where: { id: current.id } });
    const released = current.status === "approved" ? await releaseException(tx, exception, { actorId: input.actorId, reason: "revoked", now }) : 0;
    await writeAudit(
      { orgId: input.orgId, actorId: input.actorId, action: "exception.revoke", targetType: "exception", targetId: current.id, data: { ruleId: current.ruleId, from: current.status, released }, ip: input.ip ?? null },
      tx,
    );
    return { exception, released };
  });
}
