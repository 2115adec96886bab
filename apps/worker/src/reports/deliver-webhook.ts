// Posts a report-ready notice to a tenant's webhook, through the same guarded POST as alerts
// (../alerts/post): the host is judged again now (DNS may have changed since the URL was saved),
// the socket's own lookup refuses non-public answers, redirects are never followed, and the
// request has a deadline.
import { postAlert, type TPostOptions } from "../alerts/post";

export type DeliverOptions = Pick<TPostOptions, "allowPrivateNetworks" | "timeoutMs" | "ca">;

/** Links only, never report contents: the receiver downloads with its own Bulwark session. */
export async function deliverWebhook(rawUrl: string, body: unknown, opts: DeliverOptions): Promise<{ status: number }> {
  return postAlert(rawUrl, JSON.stringify(body), {}, opts);
}
