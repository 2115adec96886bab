import type { Prisma, RiskException } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { applyException } from "./exception-scope";
import { checkExpiry, checkJustification, checkScope, type TExceptionScopeInput } from "./validate-exception";

export interface TNewExceptionInput extends TExceptionScopeInput {
  orgId: string;
  actorId: string;
  justification: string;
  expiresAt: Date;
  /** the finding the request was made from */
  findingId?: string | null;
  ip?: string | null;
  now?: Date;
}

async function create(input: TNewExceptionInput, approved: boolean): Promise<{ exception: RiskException; covered: number }> {
  const now = input.now ?? new Date();
  checkExpiry(input.expiresAt, now);
  const justification = checkJustification(input.justification);
  return db.$transaction(async (tx) => {
    const scope = await checkScope(tx, input.orgId, input);
    if (input.findingId) {
      const f = await tx.finding.findFirst({ where: { id: input.findingId, orgId: input.orgId }, select: { id: true } });
      if (!f) throw new NotFoundError("finding");
    }
    const exception = await tx.riskException.create({
      data: {
        orgId: input.orgId,
        ruleId: scope.ruleId,
        clusterId: scope.clusterId ?? null,
        namespace: scope.namespace ?? null,
        kind: scope.kind ?? null,
        name: scope.name ?? null,
        ...(scope.labelSelector ? { labelSelector: scope.labelSelector as Prisma.InputJsonValue } : {}),
        justification,
        expiresAt: input.expiresAt,
        findingId: input.findingId ?? null,
        requestedById: input.actorId,
        status: approved ? "approved" : "requested",
        ...(approved ? { decidedById: input.actorId, decidedAt: now } : {}),
      },
    });
    const covered = approved ? await applyException(tx, exception, input.actorId) : 0;
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        action: approved ? "exception.grant" : "exception.request",
        targetType: "exception",
        targetId: exception.id,
        data: { ruleId: exception.ruleId, clusterId: exception.clusterId, namespace: exception.namespace, kind: exception.kind, name: exception.name, labelSelector: scope.labelSelector ?? null, expiresAt: exception.expiresAt.toISOString(), covered },
        ip: input.ip ?? null,
      },
      tx,
    );
    return { exception, covered };
  });
}

/** A member asks for an exception; it covers nothing until an admin approves it. */
export async function requestException(input: TNewExceptionInput): Promise<RiskException> {
  return (await create(input, false)).exception;
}

/** An admin grants an exception directly: approved at once, covered findings marked excepted. */
export async function grantException(input: TNewExceptionInput): Promise<{ exception: RiskException; covered: number }> {
  return create(input, true);
}
