import { db } from "../client";
import { CHANNEL_VIEW, type TChannelView } from "./channel-view";

export async function listNotificationChannels(input: { orgId: string }): Promise<TChannelView[]> {
  return db.notificationChannel.findMany({ where: { orgId: input.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CHANNEL_VIEW });
}

export async function getNotificationChannel(input: { orgId: string; channelId: string }): Promise<TChannelView | null> {
  return db.notificationChannel.findFirst({ where: { id: input.channelId, orgId: input.orgId }, select: CHANNEL_VIEW });
}
