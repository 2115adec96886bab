import { db } from "../client";
import { writeAudit } from "../audit/write-audit";

/** Deletes a channel and its delivery history; false when it is not the organization's. */
export async function deleteNotificationChannel(input: { orgId: string; channelId: string; actorId: string; ip?: string | null }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const current = await tx.notificationChannel.findFirst({ where: { id: input.channelId, orgId: input.orgId }, select: { id: true, name: true, kind: true, urlHost: true } });
    if (!current) return false;
    await tx.notificationChannel.delete({ where: { id: current.id } });
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, ip: input.ip ?? null, action: "channel.delete", targetType: "channel", targetId: current.id, data: { name: current.name, kind: current.kind, host: current.urlHost } }, tx);
    return true;
  });
}
