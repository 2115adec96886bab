// One page of the remediation queue (keyset, no OFFSET). The count is capped: counting stops at
// COUNT_CAP + 1 matching rows, so a page never pays for a COUNT(*) over every finding.
import type { Finding } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit } from "../pagination";
import { afterQueueCursor, decodeQueueCursor, encodeQueueCursor, QUEUE_ORDER_BY, queueWhere, type TQueueFilter } from "./queue-filters";

export const QUEUE_COUNT_CAP = 1000;

export type TQueueRow = Finding & { cluster: { id: string; name: string }; assignee: { id: string; email: string; name: string | null } | null };

export interface TListQueueOutput {
  items: TQueueRow[];
  nextCursor?: string;
  /** Matches, up to QUEUE_COUNT_CAP; `capped` says there are more. */
  count: { value: number; capped: boolean };
}

export async function listQueue(input: TQueueFilter & { limit?: number; cursor?: string; now?: Date }): Promise<TListQueueOutput> {
  const limit = clampLimit(input.limit, 50);
  const now = input.now ?? new Date();
  const where = queueWhere(input, now);
  const c = decodeQueueCursor(input.cursor);
  const [rows, counted] = await Promise.all([
    db.finding.findMany({
      where: c ? { AND: [where, afterQueueCursor(c)] } : where,
      include: { cluster: { select: { id: true, name: true } }, assignee: { select: { id: true, email: true, name: true } } },
      orderBy: QUEUE_ORDER_BY,
      take: limit + 1,
    }),
    db.finding.count({ where, take: QUEUE_COUNT_CAP + 1 }),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeQueueCursor(last) : undefined,
    count: { value: Math.min(counted, QUEUE_COUNT_CAP), capped: counted > QUEUE_COUNT_CAP },
  };
}

/** Exact number of matches up to `cap` (for "apply to all N matching" confirmations). */
export async function countQueue(input: TQueueFilter & { now?: Date; cap?: number }): Promise<{ value: number; capped: boolean }> {
  const cap = input.cap ?? 10_000;
  const n = await db.finding.count({ where: queueWhere(input, input.now ?? new Date()), take: cap + 1 });
  return { value: Math.min(n, cap), capped: n > cap };
}
