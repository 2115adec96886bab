import { db } from "../client";

/** Marks the given notifications (or all of them) read; only the user's own, in this organization. */
export async function markNotificationsRead(input: { orgId: string; userId: string; ids?: string[]; now?: Date }): Promise<number> {
  const res = await db.notification.updateMany({
    where: { orgId: input.orgId, userId: input.userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: input.now ?? new Date() },
  });
  return res.count;
}
