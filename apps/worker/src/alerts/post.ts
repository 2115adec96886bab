// POSTs one alert to a tenant's URL under the same SSRF guard as cluster connections: the host is
// judged when the URL is saved and again here (DNS may have changed), the socket's own lookup refuses
// non-public answers (no rebinding between check and connect), redirects are never followed, and
// every request has a deadline. Private addresses pass only when the operator allows them.
import { request } from "node:https";
import { assertPublicHttpsUrl, guardedLookup, type TResolveHost } from "@bulwark/k8s";

export interface TPostOptions {
  allowPrivateNetworks: boolean;
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

const MAX_ANSWER_BYTES = 64 * 1024;

export async function postAlert(rawUrl: string, body: string, headers: Record<string, string>, opts: TPostOptions): Promise<{ status: number }> {
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
  const timeoutMs = opts.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": payload.length, "user-agent": "Bulwark-Alerts" },
        lookup: guardedLookup(opts.allowPrivateNetworks),
        timeout: timeoutMs,
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let seen = 0;
        res.on("data", (c: Buffer) => {
          seen += c.length;
          if (seen > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on("close", () => {
          if (status >= 200 && status < 300) resolve({ status });
          else if (status >= 300 && status < 400) reject(new PermanentDeliveryError(`answered ${status} (a redirect; redirects are not followed)`));
          else reject(new Error(`answered HTTP ${status}`));
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (e: Error) => reject(e.name === "BlockedAddressError" ? new PermanentDeliveryError(`refused: ${e.message}`) : e));
    req.end(payload);
  });
}
