// Posts a report-ready notice to a tenant's webhook. The URL was vetted when it was saved, but DNS
// can change (or be made to change) since then, so the host is judged again now, and the socket's
// own lookup refuses non-public answers so the connection cannot be rebound between check and
// connect. Redirects are never followed: a 3xx could point anywhere, including the metadata server.
import { request } from "node:https";
import { assertPublicHttpsUrl, guardedLookup } from "@bulwark/k8s";

export interface DeliverOptions {
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  /** Extra trusted CA (PEM), for tests against a loopback server. */
  ca?: string;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Links only, never report contents: the receiver downloads with its own Bulwark session. */
export async function deliverWebhook(rawUrl: string, body: unknown, opts: DeliverOptions): Promise<{ status: number }> {
  const { url } = await assertPublicHttpsUrl(rawUrl, { allowPrivateNetworks: opts.allowPrivateNetworks });
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": payload.length, "user-agent": "Bulwark" },
        lookup: guardedLookup(opts.allowPrivateNetworks),
        timeout: opts.timeoutMs ?? 10_000,
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // Drain a bounded amount so the socket is released; the answer's body is not used.
        let seen = 0;
        res.on("data", (c: Buffer) => {
          seen += c.length;
          if (seen > MAX_BODY_BYTES) res.destroy();
        });
        res.on("close", () => {
          if (status >= 200 && status < 300) resolve({ status });
          else if (status >= 300 && status < 400) reject(new Error(`webhook answered ${status} (a redirect; redirects are not followed)`));
          else reject(new Error(`webhook answered ${status}`));
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`webhook did not answer within ${opts.timeoutMs ?? 10_000} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}
