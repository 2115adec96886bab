// Posts a report-ready notice to a tenant's webhook, through the same guarded POST as alerts
// (../alerts/post): the host is judged again now (DNS may have changed since the URL was saved),
// the socket's own lookup refuses non-public answers, redirects are never followed, and one
// deadline covers the whole request. Signed like an alert channel's deliveries (../alerts/sign).
import { postAlert, type TPostOptions } from "../alerts/post";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from "../alerts/sign";

export type DeliverOptions = Pick<TPostOptions, "allowPrivateNetworks" | "timeoutMs" | "ca">;

/** Links only, never report contents: the receiver downloads with its own Bulwark session. */
export async function deliverWebhook(
  rawUrl: string,
  body: unknown,
  opts: DeliverOptions,
  signing: { secret: string | null; deliveryId?: string; event?: string; now?: Date } = { secret: null },
): Promise<{ status: number }> {
  const text = JSON.stringify(body);
  const ts = Math.floor((signing.now ?? new Date()).getTime() / 1000);
  const headers: Record<string, string> = { [TIMESTAMP_HEADER]: String(ts) };
  if (signing.deliveryId) headers[DELIVERY_HEADER] = signing.deliveryId;
  if (signing.event) headers[EVENT_HEADER] = signing.event;
  if (signing.secret) headers[SIGNATURE_HEADER] = signWebhook(signing.secret, ts, text);
  return postAlert(rawUrl, text, headers, opts);
}
