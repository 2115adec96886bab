// JSON requests to a ticket system under the same SSRF guard as alert webhooks: the URL is judged
// before each request, the socket's lookup refuses non-public answers, redirects are not followed.
// One deadline covers the whole exchange and at most MAX_RESPONSE_BYTES of an answer are read.
// Failures say whether retrying can help: 4xx other than 408/429 cannot; 429 (and GitHub's
// secondary rate limits, a 403 with Retry-After or no remaining quota) carry how long to wait.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { assertPublicHttpsUrl, guardedLookup } from "@bulwark/security";

export const MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_TICKET_TIMEOUT_MS = 15_000;
/** GitHub's advice for a secondary rate limit without a Retry-After: wait at least a minute. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

export interface TTicketHttpOptions {
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
  /** extra trusted CA (PEM), for tests against a loopback fake */
  ca?: string;
}

export class TicketHttpError extends Error {
  constructor(
    message: string,
    /** HTTP status, 0 when there was no answer */
    readonly status: number,
    /** retrying cannot help */
    readonly final: boolean,
    /** the remote asked to wait this long (rate limited) */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TicketHttpError";
  }
}

export interface TTicketResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Jira {errorMessages, errors}, GitHub {message, errors}: one line for the ticket's lastError. */
export function describeErrorBody(body: unknown): string {
  if (!body || typeof body !== "object") return typeof body === "string" ? body.replace(/\s+/g, " ").trim().slice(0, 300) : "";
  const b = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const parts: string[] = [];
  if (typeof b.message === "string") parts.push(b.message);
  if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.filter((m): m is string => typeof m === "string"));
  if (Array.isArray(b.errors)) {
    for (const e of b.errors.slice(0, 5)) {
      if (typeof e === "string") parts.push(e);
      else if (e && typeof e === "object") {
        const x = e as { field?: unknown; code?: unknown; message?: unknown };
        parts.push([x.field, x.message ?? x.code].filter((v) => typeof v === "string").join(": "));
      }
    }
  } else if (b.errors && typeof b.errors === "object") {
    for (const [k, v] of Object.entries(b.errors as Record<string, unknown>).slice(0, 5)) parts.push(`${k}: ${String(v)}`);
  }
  return parts.filter(Boolean).join("; ").slice(0, 500);
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** How long a rate-limited answer asks to wait, or undefined when it is not a rate limit. */
export function rateLimitWaitMs(status: number, headers: IncomingHttpHeaders, body: unknown, now = Date.now()): number | undefined {
  const retryAfter = header(headers, "retry-after");
  const remaining = header(headers, "x-ratelimit-remaining");
  const reset = header(headers, "x-ratelimit-reset");
  const message = body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string" ? (body as { message: string }).message : "";
  const limited = status === 429 || (status === 403 && (retryAfter !== undefined || remaining === "0" || /rate limit/i.test(message)));
  if (!limited) return undefined;
  if (retryAfter !== undefined) {
    const s = Number(retryAfter);
    if (Number.isFinite(s) && s >= 0) return Math.max(1000, s * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(1000, at - now);
  }
  if (remaining === "0" && reset !== undefined && Number.isFinite(Number(reset))) return Math.max(1000, Number(reset) * 1000 - now);
  return DEFAULT_RATE_LIMIT_WAIT_MS;
}

async function checkUrl(raw: string, allowPrivateNetworks: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TicketHttpError("not a valid URL", 0, true);
  }
  if (url.protocol === "http:" && allowPrivateNetworks) return url;
  try {
    return (await assertPublicHttpsUrl(raw, { allowPrivateNetworks })).url;
  } catch (e) {
    const msg = (e as Error).message;
    // A host that does not resolve right now may come back; a refused address will not.
    throw new TicketHttpError(/could not be resolved|has no address/.test(msg) ? msg : `refused: ${msg}`, 0, !/could not be resolved|has no address/.test(msg));
  }
}

export async function requestJson(
  system: string,
  method: "GET" | "POST" | "PATCH" | "PUT",
  rawUrl: string,
  headers: Record<string, string>,
  body: unknown,
  opts: TTicketHttpOptions,
): Promise<TTicketResponse> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TICKET_TIMEOUT_MS;
  const url = await checkUrl(rawUrl, opts.allowPrivateNetworks);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const send = url.protocol === "http:" ? httpRequest : httpsRequest;
  return new Promise<TTicketResponse>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = send(
      url,
      {
        method,
        headers: {
          ...headers,
          accept: headers.accept ?? "application/json",
          "user-agent": "Bulwark-Tickets",
          ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}),
        },
        lookup: guardedLookup(opts.allowPrivateNetworks),
        ...(opts.ca ? { ca: opts.ca } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let seen = 0;
        res.on("data", (c: Buffer) => {
          seen += c.length;
          if (seen > MAX_RESPONSE_BYTES) {
            res.destroy();
            finish(() => reject(new TicketHttpError(`${system} sent more than ${MAX_RESPONSE_BYTES} bytes`, status, status < 500)));
            return;
          }
          chunks.push(c);
        });
        res.on("error", (e) => finish(() => reject(new TicketHttpError(`${system}: ${e.message}`, status, false))));
        res.on("end", () =>
          finish(() => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = text;
            if (text && /json/i.test(header(res.headers, "content-type") ?? "")) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = text;
              }
            }
            if (status >= 200 && status < 300) return resolve({ status, headers: res.headers, body: text ? parsed : null });
            const detail = describeErrorBody(parsed);
            const what = `${system} answered ${status}${detail ? `: ${detail}` : ""}`;
            if (status >= 300 && status < 400) return reject(new TicketHttpError(`${what} (a redirect; redirects are not followed)`, status, true));
            const wait = rateLimitWaitMs(status, res.headers, parsed);
            if (wait !== undefined) return reject(new TicketHttpError(`${what} (rate limited; retry in ${Math.ceil(wait / 1000)} s)`, status, false, wait));
            const final = status >= 400 && status < 500 && status !== 408;
            reject(new TicketHttpError(what, status, final));
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish(() => reject(new TicketHttpError(`${system}: no complete answer within ${timeoutMs} ms`, 0, false)));
      req.destroy();
    }, timeoutMs);
    req.on("error", (e: Error) =>
      finish(() => reject(e.name === "BlockedAddressError" ? new TicketHttpError(`refused: ${e.message}`, 0, true) : new TicketHttpError(`${system}: ${e.message}`, 0, false))),
    );
    req.end(payload);
  });
}
