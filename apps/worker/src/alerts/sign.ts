// Webhook signatures. A receiver verifies a delivery like this:
//   1. read the headers X-Bulwark-Timestamp (unix seconds) and X-Bulwark-Signature ("sha256=<hex>");
//   2. reject it when the timestamp is more than 5 minutes from its own clock (a replayed request);
//   3. compute HMAC-SHA256 with the channel's signing secret over `${timestamp}.${rawBody}` (the
//      exact bytes received, before any JSON parsing) and compare it with the hex after "sha256="
//      in constant time.
// X-Bulwark-Delivery carries the delivery id, the same on every retry: receivers can drop repeats.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-bulwark-signature";
export const TIMESTAMP_HEADER = "x-bulwark-timestamp";
export const DELIVERY_HEADER = "x-bulwark-delivery";
export const EVENT_HEADER = "x-bulwark-event";
/** How far a receiver should accept a timestamp from its clock. */
export const MAX_SKEW_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (also used by tests): signature valid and timestamp fresh. */
export function verifyWebhook(input: { secret: string; timestamp: string | undefined; signature: string | undefined; body: string; now?: number; maxSkewSeconds?: number }): boolean {
  const ts = Number(input.timestamp);
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp) || !input.signature) return false;
  const now = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (input.maxSkewSeconds ?? MAX_SKEW_SECONDS)) return false;
  const want = Buffer.from(signWebhook(input.secret, ts, input.body));
  const got = Buffer.from(input.signature);
  return want.length === got.length && timingSafeEqual(want, got);
}
