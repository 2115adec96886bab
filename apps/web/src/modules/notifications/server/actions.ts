"use server";
// The signed-in user's in-app notifications (assignments, expiring exceptions): read them and mark
// them read. Only ever the caller's own, in the current organization.
import { listNotifications, markNotificationsRead } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZListNotifications, ZMarkRead } from "../notifications.schemas";

export const listMyNotificationsAction = withOrg({ schema: ZListNotifications, permission: "org:read" }, async (input, ctx) => {
  const { items, unread } = await listNotifications({ orgId: ctx.orgId, userId: ctx.userId, limit: input.limit });
  return { unread, items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })) };
});

export const markNotificationsReadAction = withOrg({ schema: ZMarkRead, permission: "org:read" }, async (input, ctx) => {
  const count = await markNotificationsRead({ orgId: ctx.orgId, userId: ctx.userId, ...(input.ids ? { ids: input.ids } : {}) });
  return { count };
});
