import type { AuditLog } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit } from "../pagination";

/** Newest first; `cursor` is the id of the last row of the previous page. */
export async function listAudit(input: { orgId: string; limit?: number; cursor?: string }): Promise<{ items: AuditLog[]; nextCursor?: string }> {
  const limit = clampLimit(input.limit, 50);
  const rows = await db.auditLog.findMany({
    where: { orgId: input.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  // A cursor from another org simply yields nothing: the where clause still scopes by orgId.
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]?.id : undefined };
}
