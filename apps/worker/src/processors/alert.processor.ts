// The alert queue: plan a scan's alerts, send one delivery (retried with backoff by BullMQ), and
// the daily digest (a scheduler fans out one job per channel). Every step is idempotent: planning
// relies on the deliveries' unique dedupeKey, sending skips a row already sent, and a digest job id
// carries its day.
import { createDigestDelivery, createScanAlertDeliveries, getDeliveryForSend, listChannelsForDigest, recordDeliveryAttempt, type TAlertPayload } from "@bulwark/db";
import { decryptCredential } from "@bulwark/security";
import {
  ALERTS_FOR_SCAN_JOB_NAME,
  ALERT_DELIVERY_JOB_NAME,
  ALERT_DIGEST_JOB_NAME,
  ZAlertDeliveryJob,
  ZAlertDigestJob,
  ZAlertsForScanJob,
  enqueueAlertDelivery,
  enqueueAlertDigest,
} from "@bulwark/jobs";
import type { WorkerContext } from "../context";
import { webhookBody, slackMessage } from "../alerts/format";
import { DEFAULT_DELIVERY_TIMEOUT_MS, PermanentDeliveryError, postAlert } from "../alerts/post";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "../alerts/sign";

export interface AlertJobLike {
  name: string;
  data: unknown;
  /** attempts already failed before this one (BullMQ's attemptsMade) */
  attemptsMade?: number;
  opts?: { attempts?: number };
}

export interface TAlertDeps {
  /** public URL of the web app, for links in messages */
  appUrl?: string;
  /** per-request deadline */
  timeoutMs?: number;
  /** first retry delay of a delivery (doubles each time) */
  retryDelayMs?: number;
  /** extra trusted CA for receivers (tests) */
  ca?: string;
  now?: () => Date;
}

export type TAlertJobResult =
  | { outcome: "planned"; created: number; enqueued: number }
  | { outcome: "sent"; status: number }
  | { outcome: "skipped"; reason: string }
  | { outcome: "failed"; reason: string }
  | { outcome: "digest"; deliveryId?: string; total: number }
  | { outcome: "fanned-out"; channels: number };

export async function processAlertJob(job: AlertJobLike, ctx: WorkerContext, deps: TAlertDeps = {}): Promise<TAlertJobResult> {
  switch (job.name) {
    case ALERTS_FOR_SCAN_JOB_NAME:
      return planScanAlerts(job, ctx, deps);
    case ALERT_DELIVERY_JOB_NAME:
      return deliver(job, ctx, deps);
    case ALERT_DIGEST_JOB_NAME:
      return digest(job, ctx, deps);
    default:
      return { outcome: "skipped", reason: `unknown job ${job.name}` };
  }
}

async function planScanAlerts(job: AlertJobLike, ctx: WorkerContext, deps: TAlertDeps): Promise<TAlertJobResult> {
  const { orgId, scanId } = ZAlertsForScanJob.parse(job.data);
  const { created, pendingIds } = await createScanAlertDeliveries({ orgId, scanId });
  // Job ids are the delivery ids: re-enqueueing what is already queued changes nothing.
  for (const id of pendingIds) await enqueueAlertDelivery({ orgId, deliveryId: id }, deps.retryDelayMs ? { backoffMs: deps.retryDelayMs } : {});
  if (created) ctx.log("alerts planned", { scanId, created });
  return { outcome: "planned", created, enqueued: pendingIds.length };
}

async function deliver(job: AlertJobLike, ctx: WorkerContext, deps: TAlertDeps): Promise<TAlertJobResult> {
  const { orgId, deliveryId } = ZAlertDeliveryJob.parse(job.data);
  const row = await getDeliveryForSend({ orgId, deliveryId });
  if (!row) return { outcome: "skipped", reason: "delivery or channel deleted" };
  if (row.status !== "pending") return { outcome: "skipped", reason: `already ${row.status}` };
  const final = (job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1);
  if (!row.channel.enabled && row.kind !== "test") {
    await recordDeliveryAttempt({ orgId, deliveryId, ok: false, error: "the channel is disabled", final: true });
    return { outcome: "skipped", reason: "channel disabled" };
  }
  const payload = row.payload as TAlertPayload;
  let url: string;
  let secret: string | null = null;
  try {
    url = decryptCredential(row.channel.urlCipher, ctx.keyring);
    if (row.channel.secretCipher) secret = decryptCredential(row.channel.secretCipher, ctx.keyring);
  } catch (e) {
    const reason = `cannot decrypt the channel's address: is BULWARK_SECRET_KEY the same as when it was saved? (${(e as Error).message})`;
    await recordDeliveryAttempt({ orgId, deliveryId, ok: false, error: reason, final: true });
    return { outcome: "failed", reason };
  }
  const body = JSON.stringify(row.channel.kind === "slack" ? slackMessage(payload, deps.appUrl) : webhookBody(row.id, payload, deps.appUrl));
  const headers: Record<string, string> = { [DELIVERY_HEADER]: row.id, [EVENT_HEADER]: payload.type };
  if (row.channel.kind === "webhook") {
    const ts = Math.floor((deps.now?.() ?? new Date()).getTime() / 1000);
    headers[TIMESTAMP_HEADER] = String(ts);
    if (secret) headers[SIGNATURE_HEADER] = signWebhook(secret, ts, body);
  }
  try {
    const res = await postAlert(url, body, headers, { allowPrivateNetworks: ctx.allowPrivateNetworks, timeoutMs: deps.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS, ...(deps.ca ? { ca: deps.ca } : {}) });
    await recordDeliveryAttempt({ orgId, deliveryId, ok: true });
    return { outcome: "sent", status: res.status };
  } catch (e) {
    const permanent = e instanceof PermanentDeliveryError;
    const reason = (e as Error).message;
    await recordDeliveryAttempt({ orgId, deliveryId, ok: false, error: reason, final: final || permanent });
    ctx.log("alert delivery failed", { deliveryId, channelId: row.channel.id, attempt: (job.attemptsMade ?? 0) + 1, final: final || permanent, error: reason });
    if (permanent) return { outcome: "failed", reason };
    // Thrown so BullMQ retries with backoff; the row stays pending until the last attempt.
    throw e;
  }
}

async function digest(job: AlertJobLike, ctx: WorkerContext, deps: TAlertDeps): Promise<TAlertJobResult> {
  const data = ZAlertDigestJob.parse(job.data);
  const now = deps.now?.() ?? new Date();
  if (!data.channelId || !data.orgId) {
    const channels = await listChannelsForDigest();
    const day = now.toISOString().slice(0, 10);
    for (const c of channels) await enqueueAlertDigest({ orgId: c.orgId, channelId: c.id, day });
    return { outcome: "fanned-out", channels: channels.length };
  }
  const made = await createDigestDelivery({ orgId: data.orgId, channelId: data.channelId, now });
  if (!made) return { outcome: "digest", total: 0 };
  await enqueueAlertDelivery({ orgId: data.orgId, deliveryId: made.deliveryId }, deps.retryDelayMs ? { backoffMs: deps.retryDelayMs } : {});
  ctx.log("digest planned", { channelId: data.channelId, findings: made.total });
  return { outcome: "digest", deliveryId: made.deliveryId, total: made.total };
}
