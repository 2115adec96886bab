// The worker's side of a delivery: read what to send (with the sealed URL and secret, which only
// the worker decrypts) and record each attempt on the row and on its channel.
import { db } from "../client";

export interface TDeliveryForSend {
  id: string;
  orgId: string;
  kind: string;
  status: string;
  attempts: number;
  payload: unknown;
  channel: { id: string; name: string; kind: string; enabled: boolean; urlCipher: string; secretCipher: string | null };
}

export async function getDeliveryForSend(input: { orgId: string; deliveryId: string }): Promise<TDeliveryForSend | null> {
  return db.alertDelivery.findFirst({
    where: { id: input.deliveryId, orgId: input.orgId },
    select: {
      id: true, orgId: true, kind: true, status: true, attempts: true, payload: true,
      channel: { select: { id: true, name: true, kind: true, enabled: true, urlCipher: true, secretCipher: true } },
    },
  });
}

/**
 * Records one attempt. `final` says no retry follows (the job's last attempt, or an error retrying
 * cannot fix): the row ends "failed" then, and stays "pending" otherwise.
 */
export async function recordDeliveryAttempt(input: { orgId: string; deliveryId: string; ok: boolean; error?: string; final?: boolean; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const error = input.ok ? null : (input.error ?? "unknown error").slice(0, 500);
  await db.$transaction(async (tx) => {
    const row = await tx.alertDelivery.findFirst({ where: { id: input.deliveryId, orgId: input.orgId }, select: { id: true, channelId: true, kind: true } });
    if (!row) return;
    await tx.alertDelivery.update({
      where: { id: row.id },
      data: { attempts: { increment: 1 }, status: input.ok ? "sent" : input.final ? "failed" : "pending", lastError: error, ...(input.ok ? { sentAt: now } : {}) },
    });
    await tx.notificationChannel.update({
      where: { id: row.channelId },
      data: { lastDeliveryAt: now, lastStatus: input.ok ? "sent" : input.final ? "failed" : "retrying", lastError: error },
    });
  });
}
