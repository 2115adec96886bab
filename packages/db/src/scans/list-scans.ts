import type { Scan } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit } from "../pagination";

/** Newest first; `cursor` is the id of the last row of the previous page. */
export async function listScans(input: { orgId: string; clusterId?: string; limit?: number; cursor?: string }): Promise<{ items: Scan[]; nextCursor?: string }> {
  const limit = clampLimit(input.limit, 20);
  const rows = await db.scan.findMany({
    where: { orgId: input.orgId, ...(input.clusterId ? { clusterId: input.clusterId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]?.id : undefined };
}
