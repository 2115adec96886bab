"use server";
// Notification channels: create, change, delete, rotate the signing secret and send a test. URLs
// (a Slack URL is itself a secret) and signing secrets are sealed with the credential keyring
// before they are stored and never come back to the browser; the secret is shown once, here.
import { revalidatePath } from "next/cache";
import {
  createNotificationChannel,
  createTestDelivery,
  deleteNotificationChannel,
  getAlertDeliveryStatus,
  getNotificationChannel,
  updateNotificationChannel,
} from "@bulwark/db";
import { enqueueAlertDelivery } from "@bulwark/jobs";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZChannelId, ZCreateChannel, ZDeliveryId, ZSetChannelEnabled, ZUpdateChannel } from "../alerts.schemas";
import { newWebhookSecret, seal, sealWebhook } from "./seal-webhook";

export const createChannelAction = withOrg({ schema: ZCreateChannel, permission: "alert:manage" }, async (input, ctx) => {
  const sealed = await sealWebhook(input.url, { signed: input.kind === "webhook" });
  const secret = sealed.secret;
  const channel = await createNotificationChannel({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    kind: input.kind,
    urlCipher: sealed.urlCipher,
    urlHost: sealed.host,
    secretCipher: sealed.secretCipher,
    keyId: sealed.keyId,
    minSeverity: input.minSeverity,
    clusterIds: input.clusterIds,
    digest: input.digest,
    enabled: input.enabled,
  });
  revalidatePath("/settings/alerts");
  // The only time the secret leaves the server.
  return { id: channel.id, secret };
});

export const updateChannelAction = withOrg({ schema: ZUpdateChannel, permission: "alert:manage" }, async (input, ctx) => {
  const url = input.url ? await sealWebhook(input.url, { signed: false }).then((s) => ({ urlHost: s.host, urlCipher: s.urlCipher, keyId: s.keyId })) : undefined;
  await updateNotificationChannel({
    orgId: ctx.orgId,
    channelId: input.channelId,
    actorId: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    minSeverity: input.minSeverity,
    clusterIds: input.clusterIds,
    digest: input.digest,
    enabled: input.enabled,
    ...(url ? { url } : {}),
  });
  revalidatePath("/settings/alerts");
  revalidatePath(`/settings/alerts/${input.channelId}`);
  return { id: input.channelId };
});

export const setChannelEnabledAction = withOrg({ schema: ZSetChannelEnabled, permission: "alert:manage" }, async (input, ctx) => {
  await updateNotificationChannel({ orgId: ctx.orgId, channelId: input.channelId, actorId: ctx.userId, ip: ctx.ip, enabled: input.enabled });
  revalidatePath("/settings/alerts");
  revalidatePath(`/settings/alerts/${input.channelId}`);
  return { enabled: input.enabled };
});

export const rotateChannelSecretAction = withOrg({ schema: ZChannelId, permission: "alert:manage" }, async (input, ctx) => {
  const channel = await getNotificationChannel({ orgId: ctx.orgId, channelId: input.channelId });
  if (!channel) throw new HttpError(404, "No such channel", "not_found");
  if (channel.kind !== "webhook") throw new HttpError(400, "Only webhook channels have a signing secret", "invalid_input");
  const secret = newWebhookSecret();
  // Sealed with the current key; the URL keeps its own envelope (each names its key id).
  await updateNotificationChannel({ orgId: ctx.orgId, channelId: channel.id, actorId: ctx.userId, ip: ctx.ip, secretCipher: seal(secret).ciphertext });
  revalidatePath(`/settings/alerts/${channel.id}`);
  return { secret };
});

export const deleteChannelAction = withOrg({ schema: ZChannelId, permission: "alert:manage" }, async (input, ctx) => {
  if (!(await deleteNotificationChannel({ orgId: ctx.orgId, channelId: input.channelId, actorId: ctx.userId, ip: ctx.ip }))) throw new HttpError(404, "No such channel", "not_found");
  revalidatePath("/settings/alerts");
  return { deleted: true };
});

export const sendTestAction = withOrg({ schema: ZChannelId, permission: "alert:manage" }, async (input, ctx) => {
  const { deliveryId } = await createTestDelivery({ orgId: ctx.orgId, channelId: input.channelId, actorId: ctx.userId, ip: ctx.ip });
  try {
    // One attempt with a short retry: a person is watching the page.
    await enqueueAlertDelivery({ orgId: ctx.orgId, deliveryId }, { attempts: 2, backoffMs: 3_000 });
  } catch (err) {
    console.error("[bulwark/web] enqueue test delivery failed", err);
    throw new HttpError(503, "The job queue is unreachable, so the test was not sent. Check that Redis and the worker are running.", "queue_unavailable");
  }
  revalidatePath(`/settings/alerts/${input.channelId}`);
  return { deliveryId };
});

/** The latest state of a delivery, for the "Send test" button to follow. */
export const deliveryStatusAction = withOrg({ schema: ZDeliveryId, permission: "alert:manage" }, async (input, ctx) => {
  const row = await getAlertDeliveryStatus({ orgId: ctx.orgId, deliveryId: input.deliveryId });
  if (!row) throw new HttpError(404, "No such delivery", "not_found");
  return { status: row.status, attempts: row.attempts, lastError: row.lastError };
});
