import { db } from "../client";
import { clampLimit } from "../pagination";

export interface TNotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** The signed-in user's newest notifications in one organization, and how many are unread. */
export async function listNotifications(input: { orgId: string; userId: string; limit?: number }): Promise<{ items: TNotificationRow[]; unread: number }> {
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { orgId: input.orgId, userId: input.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: clampLimit(input.limit, 20, 100),
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    countUnreadNotifications(input),
  ]);
  return { items, unread };
}

export async function countUnreadNotifications(input: { orgId: string; userId: string }): Promise<number> {
  return db.notification.count({ where: { orgId: input.orgId, userId: input.userId, readAt: null } });
}
