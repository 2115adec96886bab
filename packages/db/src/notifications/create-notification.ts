import { db, type Tx } from "../client";

export interface TCreateNotificationInput {
  orgId: string;
  userId: string;
  /** e.g. "finding.assigned", "exception.expiring", "exception.expired" */
  kind: string;
  title: string;
  body?: string | null;
  /** an in-app path such as /findings/<id> */
  link?: string | null;
}

/**
 * Tells one member something in the app (the bell in the top bar). A user who is not a member of
 * the organization gets nothing, so a caller cannot leak one organization's news to outsiders.
 */
export async function createNotification(input: TCreateNotificationInput, tx?: Tx): Promise<{ id: string } | null> {
  const client = tx ?? db;
  const member = await client.membership.findUnique({ where: { orgId_userId: { orgId: input.orgId, userId: input.userId } }, select: { userId: true } });
  if (!member) return null;
  const link = input.link && input.link.startsWith("/") && !input.link.startsWith("//") ? input.link : null;
  return client.notification.create({
    data: { orgId: input.orgId, userId: input.userId, kind: input.kind, title: input.title.slice(0, 200), body: input.body?.slice(0, 1000) ?? null, link },
    select: { id: true },
  });
}
