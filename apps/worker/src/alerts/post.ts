// POSTs one alert to a tenant's URL under the same SSRF guard as cluster connections: the host is
// judged when the URL is saved and again here (DNS may have changed), the socket's own lookup refuses
// non-public answers (no rebinding between check and connect), redirects are never followed.
// Private addresses pass only when the operator allows them.
//
// One overall deadline covers everything (the address check, connect, TLS, the answer's headers
// and what is read of its body): an idle timeout alone let a receiver that trickles a byte a second
// hold a delivery slot for hours. A 2xx needs no body; of an error answer at most
// MAX_ANSWER_BYTES are read, for the message.
import { request } from "node:https";
import { assertPublicHttpsUrl, guardedLookup, type TResolveHost } from "@bulwark/security";

export interface TPostOptions {
  allowPrivateNetworks: boolean;
  /** the whole delivery, from the address check to the last byte read (default 10 s) */
  timeoutMs?: number;
  /** Extra trusted CA (PEM), for tests against a loopback receiver. */
  ca?: string;
  /** host resolver for the pre-check (tests); the socket's lookup always uses the system resolver */
  resolve?: TResolveHost;
}

/** An error retrying cannot fix (the address is refused, the URL is malformed). */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

/** The receiver did not finish answering within the delivery's deadline. */
export class DeliveryDeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms (the delivery deadline); abandoned`);
    this.name = "DeliveryDeadlineError";
  }
}

export const MAX_ANSWER_BYTES = 4 * 1024;
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

/** The start of an error answer, printable and short, for the delivery's error message. */
function snippet(chunks: Buffer[]): string {
  const text = Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8").replace(/[^\x20-\x7e]+/g, " ").trim();
  return text ? `: ${text.slice(0, 200)}` : "";
}

export async function postAlert(rawUrl: string, body: string, headers: Record<string, string>, opts: TPostOptions): Promise<{ status: number }> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  let onDeadline: (e: DeliveryDeadlineError) => void = () => {};
  const deadline = new Promise<never>((_, reject) => (onDeadline = reject));
  const timer = setTimeout(() => onDeadline(new DeliveryDeadlineError(timeoutMs)), timeoutMs);
  // The request promise may settle after the deadline already won; nothing may then surface as unhandled.
  deadline.catch(() => {});
  try {
    return await Promise.race([send(rawUrl, body, headers, opts, deadline), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function send(rawUrl: string, body: string, headers: Record<string, string>, opts: TPostOptions, deadline: Promise<never>): Promise<{ status: number }> {
  let url: URL;
  try {
    url = (await assertPublicHttpsUrl(rawUrl, { allowPrivateNetworks: opts.allowPrivateNetworks, ...(opts.resolve ? { resolve: opts.resolve } : {}) })).url;
  } catch (e) {
    // A host that does not resolve right now may come back; a refused address will not.
    const msg = (e as Error).message;
    if (/could not be resolved|has no address/.test(msg)) throw new Error(msg);
    throw new PermanentDeliveryError(`refused: ${msg}`);
  }
  const payload = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": payload.length, "user-agent": "Bulwark-Alerts" },
        lookup: guardedLookup(opts.allowPrivateNetworks),
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 400) {
          // The status is the whole answer: drop the connection rather than wait for a body.
          res.destroy();
          if (status < 300) resolve({ status });
          else reject(new PermanentDeliveryError(`answered ${status} (a redirect; redirects are not followed)`));
          return;
        }
        const chunks: Buffer[] = [];
        let seen = 0;
        const done = () => {
          res.destroy();
          reject(new Error(`answered HTTP ${status}${snippet(chunks)}`));
        };
        res.on("data", (c: Buffer) => {
          chunks.push(c);
          seen += c.length;
          if (seen >= MAX_ANSWER_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    // Whichever comes first, the answer or the deadline; at the deadline the socket is closed.
    deadline.catch((e: Error) => req.destroy(e));
    req.on("error", (e: Error) => reject(e.name === "BlockedAddressError" ? new PermanentDeliveryError(`refused: ${e.message}`) : e));
    req.end(payload);
  });
}
