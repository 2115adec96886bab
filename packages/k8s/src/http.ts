// A small JSON-over-HTTPS client for the Kubernetes API: one keep-alive agent, TLS from the vetted
// kubeconfig, per-request timeout, retries with full-jitter backoff, no redirects, bounded bodies,
// connect-time address checks. Raw JSON is far faster than a typed client's model deserialization.
// Bodies are inflated as they stream in and counted against a per-response cap and the scan's byte
// budget, so a gzip bomb is cut off at the cap instead of being buffered first.
import https from "node:https";
import type { ClientRequest, IncomingHttpHeaders } from "node:http";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, type Gunzip } from "node:zlib";
import { BlockedAddressError, guardedLookup, type ConnectionParams } from "@bulwark/security";
import { ScanLimitError } from "./errors";

const MIB = 1024 * 1024;

/**
 * Largest decoded body of one response. A page of 500 objects of ~64 KiB fits; a bigger page is
 * asked for again in smaller pages, and no real object comes near it (etcd stores at most ~1.5 MiB).
 */
export const MAX_RESPONSE_BYTES = 32 * MIB;

export function mib(bytes: number): string {
  const v = bytes / MIB;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** "536870912", "512Mi", "1Gi" or "1.5GiB" as bytes; undefined when it is none of these. */
export function parseByteSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(|Ki|Mi|Gi|KiB|MiB|GiB)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = { "": 1, Ki: 1024, Mi: MIB, Gi: 1024 * MIB }[m[2]!.replace(/B$/, "")]!;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Decoded (inflated) bytes one scan may take from the API server, shared by all its requests. */
export class ByteBudget {
  used = 0;
  constructor(
    readonly limit: number,
    /** The setting that raises the limit, named in the error. */
    readonly setting = "BULWARK_SCAN_MAX_BYTES",
  ) {}

  /** Counts `n` bytes; false once the scan has taken more than its limit. */
  take(n: number): boolean {
    this.used += n;
    return this.used <= this.limit;
  }

  error(): ScanLimitError {
    return new ScanLimitError(`scan stopped: the API server sent more than ${mib(this.limit)} MiB (${this.setting})`, this.setting);
  }
}

/** One response decoded past the per-response cap: that page (or kind) fails, not the scan. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly path: string,
  ) {
    super(`the API server's response to ${path} is larger than the ${mib(limit)} MiB per-response limit`);
    this.name = "ResponseTooLargeError";
  }
}
const RETRY_AFTER_CAP_MS = 10_000;
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 5_000;

export class HttpStatusError extends Error {
  /** The server's Retry-After (429/503), capped, when it sent one. */
  retryAfterMs?: number;
  constructor(
    readonly status: number,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`HTTP ${status} on ${path}: ${reason}`);
    this.name = "HttpStatusError";
  }
}

export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`deadline of ${ms} ms exceeded`);
    this.name = "DeadlineError";
  }
}

export class AbortedError extends Error {
  constructor() {
    super("scan aborted");
    this.name = "AbortedError";
  }
}

/** Errors that point at an unreachable or untrusted server: retrying does not help. */
const FATAL_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

export function isConnectivityError(err: unknown): boolean {
  if (err instanceof BlockedAddressError) return true;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && FATAL_CODES.has(code);
}

function isRetryableError(err: unknown): boolean {
  if (err instanceof HttpStatusError || err instanceof DeadlineError || err instanceof AbortedError) return false;
  if (isConnectivityError(err)) return false;
  if (err instanceof ResponseTooLargeError || err instanceof ScanLimitError) return false;
  // ECONNRESET, EPIPE, ETIMEDOUT, socket hang up, our request timeout, truncated/invalid JSON
  return true;
}

export class RequestTimeoutError extends Error {
  code = "ETIMEDOUT";
}
class BadJsonError extends Error {}

/** A reason a person can act on, for an error reaching the API server. */
export function describeError(err: unknown, server: string): string {
  if (err instanceof BlockedAddressError) return `refused to connect: ${err.message}`;
  const e = err as NodeJS.ErrnoException;
  const host = (() => {
    try {
      return new URL(server).host;
    } catch {
      return server;
    }
  })();
  switch (e?.code) {
    case "ECONNREFUSED":
      return `connection refused by ${host}`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot resolve host ${host}`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `no route to ${host}`;
    case "ETIMEDOUT":
      return `no answer from ${host} in time (${e.message})`;
    case "ECONNRESET":
      return `connection to ${host} was reset`;
    case "CERT_HAS_EXPIRED":
      return `TLS: the API server's certificate has expired`;
    case "CERT_NOT_YET_VALID":
      return `TLS: the API server's certificate is not yet valid`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `TLS: the API server's certificate is not valid for ${host} (set tls-server-name to a name in the certificate)`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
      return `TLS: the API server's certificate is not signed by the CA in certificate-authority-data`;
    default:
      return e?.message ? `${e.message}${e.code && !e.message.includes(e.code) ? ` (${e.code})` : ""}` : String(err);
  }
}

export interface KubeHttpOptions {
  params: ConnectionParams;
  concurrency: number;
  requestTimeoutMs: number;
  retries: number;
  allowPrivateNetworks: boolean;
  /** Aborts everything in flight; its reason (DeadlineError, AbortedError) is what callers see. */
  signal: AbortSignal;
  /** Cap on one decoded body; default MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** The scan's byte budget; crossing it fails the request with ScanLimitError. */
  budget?: ByteBudget;
}

function statusReason(body: Buffer, status: number): string {
  try {
    const j = JSON.parse(body.toString("utf8")) as { message?: unknown; reason?: unknown };
    if (typeof j.message === "string" && j.message) return j.message.slice(0, 300);
    if (typeof j.reason === "string" && j.reason) return j.reason;
  } catch {
    // not a Status object
  }
  const text = body.toString("utf8", 0, Math.min(body.length, 200)).trim();
  return text || `status ${status}`;
}

function parseRetryAfter(h: string | string[] | undefined): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, RETRY_AFTER_CAP_MS);
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.min(Math.max(0, date - Date.now()), RETRY_AFTER_CAP_MS);
  return undefined;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class KubeHttp {
  readonly agent: https.Agent;
  readonly server: URL;
  #authHeader: string | undefined;
  #opts: KubeHttpOptions;
  #streamAgent: https.Agent | undefined;
  requests = 0;
  retriesDone = 0;

  constructor(opts: KubeHttpOptions) {
    const p = opts.params;
    this.#opts = opts;
    this.server = p.server;
    this.agent = this.#newAgent(opts.concurrency, opts.concurrency);
    if (p.token) this.#authHeader = `Bearer ${p.token}`;
    else if (p.username !== undefined && p.password !== undefined && !p.certPem) {
      this.#authHeader = `Basic ${Buffer.from(`${p.username}:${p.password}`, "utf8").toString("base64")}`;
    }
  }

  #newAgent(maxSockets: number, maxFreeSockets: number): https.Agent {
    const p = this.#opts.params;
    return new https.Agent({
      keepAlive: true,
      maxSockets,
      maxFreeSockets,
      ...(p.caPem ? { ca: p.caPem } : {}),
      ...(p.certPem && p.keyPem ? { cert: p.certPem, key: p.keyPem } : {}),
      ...(p.tlsServerName ? { servername: p.tlsServerName } : {}),
      rejectUnauthorized: !p.insecureSkipTlsVerify,
      lookup: guardedLookup(this.#opts.allowPrivateNetworks),
    });
  }

  #headers(encoding: "gzip" | "identity"): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      "Accept-Encoding": encoding,
      "User-Agent": "bulwark-reader/0.1",
    };
    if (this.#authHeader) headers.Authorization = this.#authHeader;
    return headers;
  }

  close(): void {
    this.agent.destroy();
    this.#streamAgent?.destroy();
  }

  #abortError(): Error {
    const reason: unknown = this.#opts.signal.reason;
    return reason instanceof Error ? reason : new AbortedError();
  }

  #once(path: string, timeoutMs: number, budgetOverride?: ByteBudget, write?: { method: "PATCH" | "POST" | "PUT"; body: string; contentType: string }): Promise<RawResponse> {
    const signal = this.#opts.signal;
    if (signal.aborted) return Promise.reject(this.#abortError());
    const base = this.server.pathname.replace(/\/$/, "");
    const p = this.#opts.params;
    this.requests++;
    return new Promise((resolve, reject) => {
      let settled = false;
      let inflater: Gunzip | undefined;
      const finish = (err: Error | undefined, value?: RawResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (err) inflater?.destroy();
        if (err) reject(err);
        else resolve(value!);
      };
      const headers = this.#headers("gzip");
      if (write) Object.assign(headers, { "Content-Type": write.contentType, "Content-Length": String(Buffer.byteLength(write.body, "utf8")) });
      const req = https.request({
        protocol: "https:",
        hostname: this.server.hostname.replace(/^\[|\]$/g, ""),
        port: this.server.port || 443,
        path: base + path,
        method: write?.method ?? "GET",
        agent: this.agent,
        headers,
        ...(p.tlsServerName ? { servername: p.tlsServerName } : {}),
        lookup: guardedLookup(this.#opts.allowPrivateNetworks),
      });
      const onAbort = () => {
        const err = this.#abortError();
        req.destroy(err);
        finish(err);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      const timer = setTimeout(() => {
        const err = new RequestTimeoutError(`request timed out after ${timeoutMs} ms`);
        req.destroy(err);
        finish(err);
      }, timeoutMs);
      req.on("error", (err) => finish(err));
      req.on("response", (res) => {
        const cap = this.#opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
        const budget = budgetOverride ?? this.#opts.budget;
        const chunks: Buffer[] = [];
        let size = 0;
        let wire = 0;
        const declared = Number(res.headers["content-length"] ?? NaN);
        const fail = (err: Error) => {
          req.destroy(err);
          finish(err);
        };
        // Decoded bytes, counted as they arrive: the cap or the budget stops the read mid-body.
        const take = (c: Buffer) => {
          if (settled) return;
          size += c.length;
          if (budget && !budget.take(c.length)) return fail(budget.error());
          if (size > cap) return fail(new ResponseTooLargeError(cap, path.split("?")[0]!));
          chunks.push(c);
        };
        const done = () => finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks, size) });
        if (res.headers["content-encoding"] === "gzip") {
          // Large output chunks: a bomb inflates a thousandfold, and 16 KiB chunks (the default)
          // cost one thread-pool round trip each.
          const gz = createGunzip({ chunkSize: 256 * 1024 });
          inflater = gz;
          gz.on("data", take);
          gz.on("error", (err) => finish(Object.assign(new Error(`bad gzip body: ${err.message}`), { code: "ECONNRESET" })));
          gz.on("end", done);
        }
        res.on("data", (c: Buffer) => {
          if (settled) return;
          wire += c.length;
          if (wire > cap) return fail(new ResponseTooLargeError(cap, path.split("?")[0]!));
          if (!inflater) return take(c);
          // Inflate no faster than we consume: a bomb never piles up compressed input either.
          if (!inflater.write(c)) {
            res.pause();
            inflater.once("drain", () => res.resume());
          }
        });
        res.on("aborted", () => finish(Object.assign(new Error("response aborted mid-body"), { code: "ECONNRESET" })));
        res.on("error", (err) => finish(err));
        res.on("end", () => {
          if (!res.complete || (Number.isFinite(declared) && wire !== declared)) {
            finish(Object.assign(new Error("response body truncated"), { code: "ECONNRESET" }));
            return;
          }
          if (inflater) inflater.end();
          else done();
        });
      });
      req.end(write?.body);
    });
  }

  /**
   * One write (PATCH, POST, PUT) with a JSON answer: never retried (a write that may have landed is
   * the caller's to check), redirects refused, non-2xx answers thrown as HttpStatusError with the
   * API server's message. Same agent, TLS, address guard, timeout and body cap as getJson.
   */
  async sendJson<T = unknown>(method: "PATCH" | "POST" | "PUT", path: string, body: string, contentType: string, opts: { timeoutMs?: number } = {}): Promise<T> {
    const res = await this.#once(path, opts.timeoutMs ?? this.#opts.requestTimeoutMs, undefined, { method, body, contentType });
    if (res.status >= 300 && res.status < 400) throw new HttpStatusError(res.status, path, `redirect to ${String(res.headers.location ?? "?").slice(0, 200)} not followed`);
    if (res.status < 200 || res.status >= 300) throw new HttpStatusError(res.status, path, statusReason(res.body, res.status));
    try {
      return JSON.parse(res.body.toString("utf8")) as T;
    } catch (err) {
      throw new BadJsonError(`invalid JSON in response to ${method} ${path.split("?")[0]!} (${(err as Error).message})`);
    }
  }

  #sleep(ms: number): Promise<void> {
    const signal = this.#opts.signal;
    if (signal.aborted) return Promise.reject(this.#abortError());
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(this.#abortError());
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  /**
   * GET a JSON document. Retries 429/5xx (honouring Retry-After), resets, timeouts and truncated
   * bodies; throws HttpStatusError for other non-2xx answers and for redirects (never followed).
   */
  async getJson<T = unknown>(path: string, opts: { retries?: number; timeoutMs?: number; budget?: ByteBudget } = {}): Promise<T> {
    const retries = opts.retries ?? this.#opts.retries;
    const timeoutMs = opts.timeoutMs ?? this.#opts.requestTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      // Full jitter spreads retries of many concurrent listers.
      const backoff = () => Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
      let res: RawResponse | undefined;
      let failure: Error | undefined;
      let wait: number | undefined;
      try {
        res = await this.#once(path, timeoutMs, opts.budget);
      } catch (err) {
        if (!isRetryableError(err)) throw err;
        failure = err as Error;
      }
      if (res) {
        if (res.status >= 200 && res.status < 300) {
          try {
            return JSON.parse(res.body.toString("utf8")) as T;
          } catch (err) {
            // A body cut short in a way the transport did not notice: retry.
            failure = new BadJsonError(`invalid JSON in response to ${path} (${(err as Error).message})`);
          }
        } else if (res.status >= 300 && res.status < 400) {
          throw new HttpStatusError(res.status, path, `redirect to ${String(res.headers.location ?? "?").slice(0, 200)} not followed`);
        } else {
          failure = new HttpStatusError(res.status, path, statusReason(res.body, res.status));
          if (![429, 500, 502, 503, 504].includes(res.status)) throw failure;
          wait = parseRetryAfter(res.headers["retry-after"]);
          if (wait !== undefined) (failure as HttpStatusError).retryAfterMs = wait;
        }
      }
      if (attempt >= retries) throw failure!;
      this.retriesDone++;
      await this.#sleep(wait ?? backoff());
    }
  }

  /**
   * GET a stream of newline-delimited JSON (a watch): `onLine` gets each line as it arrives and
   * returns false to end the stream early. Resolves when the server ends the response (or onLine
   * stops it); rejects with HttpStatusError on a non-2xx answer (Retry-After kept), with
   * RequestTimeoutError after `maxMs` in all or `idleMs` without a byte, with ResponseTooLargeError
   * when one line passes maxResponseBytes, or with the connection's error. No retries: the caller
   * resumes from its last resourceVersion. A separate unlimited agent carries streams, since each
   * holds its socket for minutes and would otherwise starve the lists of the shared pool.
   */
  stream(path: string, opts: { onLine: (line: string) => boolean | void; onOpen?: () => void; maxMs: number; idleMs: number }): Promise<void> {
    const signal = this.#opts.signal;
    if (signal.aborted) return Promise.reject(this.#abortError());
    const p = this.#opts.params;
    const cap = this.#opts.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    // Idle sockets are kept for the re-watch that follows each clean end (one per kind at most).
    this.#streamAgent ??= this.#newAgent(Infinity, 64);
    this.requests++;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let req: ClientRequest | undefined;
      let inflater: Gunzip | undefined;
      let idle: NodeJS.Timeout | undefined;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(overall);
        clearTimeout(idle);
        signal.removeEventListener("abort", onAbort);
        inflater?.destroy();
        req?.destroy();
        if (err) reject(err);
        else resolve();
      };
      const onAbort = () => finish(this.#abortError());
      signal.addEventListener("abort", onAbort, { once: true });
      const overall = setTimeout(() => finish(new RequestTimeoutError(`watch stream open longer than ${opts.maxMs} ms`)), opts.maxMs);
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(() => finish(new RequestTimeoutError(`no data on the watch stream for ${opts.idleMs} ms`)), opts.idleMs);
      };
      touch();
      const headers = this.#headers("identity");
      req = https.request({
        protocol: "https:",
        hostname: this.server.hostname.replace(/^\[|\]$/g, ""),
        port: this.server.port || 443,
        path: this.server.pathname.replace(/\/$/, "") + path,
        method: "GET",
        agent: this.#streamAgent,
        headers,
        ...(p.tlsServerName ? { servername: p.tlsServerName } : {}),
        lookup: guardedLookup(this.#opts.allowPrivateNetworks),
      });
      req.on("error", (err) => finish(err));
      req.on("response", (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          // An error answer is a small Status object: read at most 64 KiB of it.
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.length;
            if (size <= 64 * 1024) chunks.push(c);
          });
          res.on("error", (err) => finish(err));
          res.on("end", () => {
            const reason =
              status >= 300 && status < 400
                ? `redirect to ${String(res.headers.location ?? "?").slice(0, 200)} not followed`
                : statusReason(Buffer.concat(chunks), status);
            const err = new HttpStatusError(status, path.split("?")[0]!, reason);
            const wait = parseRetryAfter(res.headers["retry-after"]);
            if (wait !== undefined) err.retryAfterMs = wait;
            finish(err);
          });
          return;
        }
        opts.onOpen?.();
        const decoder = new StringDecoder("utf8");
        let partial = "";
        const take = (c: Buffer) => {
          if (settled) return;
          touch();
          const text = partial + decoder.write(c);
          let start = 0;
          for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
            const line = text.slice(start, nl);
            start = nl + 1;
            if (line.trim() === "") continue;
            let more: boolean | void;
            try {
              more = opts.onLine(line);
            } catch (err) {
              return finish(err as Error);
            }
            if (more === false || settled) return finish();
          }
          partial = text.slice(start);
          if (partial.length > cap) finish(new ResponseTooLargeError(cap, `${path.split("?")[0]!} (one watch event)`));
        };
        const end = () => {
          if (partial.trim() !== "") {
            // The stream ended inside an event: the connection broke, not the server's timeout.
            finish(Object.assign(new Error("watch stream ended mid-event"), { code: "ECONNRESET" }));
          } else finish();
        };
        if (res.headers["content-encoding"] === "gzip") {
          const gz = createGunzip();
          inflater = gz;
          gz.on("data", take);
          gz.on("error", (err) => finish(Object.assign(new Error(`bad gzip body: ${err.message}`), { code: "ECONNRESET" })));
          gz.on("end", end);
          res.pipe(gz);
        } else {
          res.on("data", take);
          res.on("end", () => (res.complete ? end() : finish(Object.assign(new Error("watch stream aborted"), { code: "ECONNRESET" }))));
        }
        res.on("aborted", () => finish(Object.assign(new Error("watch stream aborted"), { code: "ECONNRESET" })));
        res.on("error", (err) => finish(err));
      });
      req.end();
    });
  }
}
