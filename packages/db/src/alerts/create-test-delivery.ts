import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { NotFoundError } from "../errors";
import type { TAlertPayload } from "./alert-payload";

/** A "send test" request: a delivery row of its own (never deduplicated) for the worker to send. */
export async function createTestDelivery(input: { orgId: string; channelId: string; actorId: string; ip?: string | null }): Promise<{ deliveryId: string }> {
  return db.$transaction(async (tx) => {
    const channel = await tx.notificationChannel.findFirst({ where: { id: input.channelId, orgId: input.orgId }, select: { id: true, name: true, org: { select: { id: true, name: true } } } });
    if (!channel) throw new NotFoundError("channel");
    const payload: TAlertPayload = { type: "test", org: channel.org, channel: { id: channel.id, name: channel.name }, at: new Date().toISOString() };
    const row = await tx.alertDelivery.create({
      data: { orgId: input.orgId, channelId: channel.id, kind: "test", dedupeKey: `test:${randomUUID()}`, payload: payload as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, ip: input.ip ?? null, action: "channel.test", targetType: "channel", targetId: channel.id, data: { name: channel.name } }, tx);
    return { deliveryId: row.id };
  });
}
