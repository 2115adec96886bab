"use server";
// Notification channels: create, change, delete, rotate the signing secret and send a test. URLs
// (a Slack URL is itself a secret) and signing secrets are sealed with the credential keyring
// before they are stored and never come back to the browser; the secret is shown once, here.
import { randomBytes } from "node:crypto";
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
import { assertPublicHttpsUrl, encryptCredential } from "@bulwark/security";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { getKeyring } from "@/modules/clusters/server/credentials";
import { env } from "@/env";
import { ZChannelId, ZCreateChannel, ZDeliveryId, ZSetChannelEnabled, ZUpdateChannel } from "../alerts.schemas";

/** The same SSRF guard as cluster URLs; the worker checks again when it sends. */
async function vetUrl(url: string): Promise<string> {
  const refused = await assertPublicHttpsUrl(url, { allowPrivateNetworks: env().BULWARK_ALLOW_PRIVATE_NETWORKS }).then(
    (r) => ({ host: r.url.host }),
    (e: Error) => ({ error: e.message }),
  );
  if ("error" in refused) throw new HttpError(400, "The address was refused", "invalid_input", { url: `Refused: ${refused.error}. Use a public https address.` });
  return refused.host;
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

export const createChannelAction = withOrg({ schema: ZCreateChannel, permission: "alert:manage" }, async (input, ctx) => {
  const urlHost = await vetUrl(input.url);
  const keyring = getKeyring();
  const sealed = encryptCredential(input.url, keyring);
  const secret = input.kind === "webhook" ? newSecret() : null;
  const channel = await createNotificationChannel({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    name: input.name,
    kind: input.kind,
    urlCipher: sealed.ciphertext,
    urlHost,
    secretCipher: secret ? encryptCredential(secret, keyring).ciphertext : null,
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
  const url = input.url ? { urlHost: await vetUrl(input.url), ...(() => { const s = encryptCredential(input.url, getKeyring()); return { urlCipher: s.ciphertext, keyId: s.keyId }; })() } : undefined;
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
  const secret = newSecret();
  // Sealed with the current key; the URL keeps its own envelope (each names its key id).
  await updateNotificationChannel({ orgId: ctx.orgId, channelId: channel.id, actorId: ctx.userId, ip: ctx.ip, secretCipher: encryptCredential(secret, getKeyring()).ciphertext });
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
