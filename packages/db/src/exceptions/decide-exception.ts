import type { RiskException } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyException } from "./exception-scope";

/** An admin approves (findings become excepted now) or rejects a requested exception. */
export async function decideException(input: {
  orgId: string;
  exceptionId: string;
  actorId: string;
  decision: "approve" | "reject";
  note?: string | null;
  ip?: string | null;
  now?: Date;
}): Promise<{ exception: RiskException; covered: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await tx.riskException.findFirst({ where: { id: input.exceptionId, orgId: input.orgId } });
    if (!current) throw new NotFoundError("exception");
    if (current.status !== "requested") throw new DomainError(`this exception is ${current.status}, not waiting for a decision`);
    if (input.decision === "approve" && current.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError("the requested expiry date has passed; edit it before approving");
    }
    const note = input.note?.trim() || null;
    // Conditional update: two admins deciding at once cannot both win.
    const res = await tx.riskException.updateMany({
      where: { id: current.id, orgId: input.orgId, status: "requested" },
      data: { status: input.decision === "approve" ? "approved" : "rejected", decidedById: input.actorId, decidedAt: now, decisionNote: note },
    });
    if (res.count === 0) throw new DomainError("this exception was decided by someone else just now");
    const exception = await tx.riskException.findUniqueOrThrow({ where: { id: current.id } });
    const covered = input.decision === "approve" ? await applyException(tx, exception, input.actorId) : 0;
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        action: input.decision === "approve" ? "exception.approve" : "exception.reject",
        targetType: "exception",
        targetId: exception.id,
        data: { ruleId: exception.ruleId, note, covered },
        ip: input.ip ?? null,
      },
      tx,
    );
    if (exception.requestedById && exception.requestedById !== input.actorId) {
      await tx.notification.create({
        data: {
          orgId: input.orgId,
          userId: exception.requestedById,
          kind: input.decision === "approve" ? "exception_approved" : "exception_rejected",
          title: `Your exception for ${exception.ruleId} was ${input.decision === "approve" ? "approved" : "rejected"}`,
          body: note,
          link: `/exceptions/${exception.id}`,
        },
      });
    }
    return { exception, covered };
  });
}
