import type { Prisma } from "../generated/prisma/client";
import { db, type Tx } from "../client";

export interface TWriteAuditInput {
  orgId: string;
  actorId?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: unknown;
  /** client address of the request, when a person acted through the web */
  ip?: string | null;
}

/** Appends one audit row; pass `tx` to make it part of the change it records. */
export async function writeAudit(input: TWriteAuditInput, tx?: Tx): Promise<void> {
  await (tx ?? db).auditLog.create({
    data: {
      orgId: input.orgId,
      actorId: input.actorId ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      data: input.data === undefined ? undefined : (input.data as Prisma.InputJsonValue),
      ip: input.ip ?? null,
    },
  });
}
