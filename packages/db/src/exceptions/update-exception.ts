import type { RiskException } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { checkExpiry, checkJustification } from "./validate-exception";

/** Edits the expiry and/or justification of a requested or approved exception (the scope is fixed: revoke and grant anew). */
export async function updateException(input: {
  orgId: string;
  exceptionId: string;
  actorId: string;
  justification?: string;
  expiresAt?: Date;
  ip?: string | null;
  now?: Date;
}): Promise<RiskException> {
  const now = input.now ?? new Date();
  if (input.expiresAt) checkExpiry(input.expiresAt, now);
  const justification = input.justification === undefined ? undefined : checkJustification(input.justification);
  return db.$transaction(async (tx) => {
    const current = await tx.riskException.findFirst({ where: { id: input.exceptionId, orgId: input.orgId } });
    if (!current) throw new NotFoundError("exception");
    if (current.status !== "requested" && current.status !== "approved") throw new DomainError(`a ${current.status} exception cannot be edited`);
    const updated = await tx.riskException.update({
      where: { id: current.id },
      data: { ...(justification ? { justification } : {}), ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}) },
    });
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        action: "exception.update",
        targetType: "exception",
        targetId: current.id,
        data: {
          ...(input.expiresAt ? { expiresAt: { from: current.expiresAt.toISOString(), to: updated.expiresAt.toISOString() } } : {}),
          ...(justification && justification !== current.justification ? { justification: "changed" } : {}),
        },
        ip: input.ip ?? null,
      },
      tx,
    );
    return updated;
  });
}
