// A minimal S3-compatible object client for evidence files: path-style PutObject, GetObject and
// DeleteObject signed with AWS Signature Version 4 (node:crypto only, no SDK). The endpoint is set
// by the operator (environment), never by a tenant, so private addresses (MinIO on the local
// network) are allowed and the tenant SSRF guard does not apply; redirects are never followed, so a
// misbehaving store cannot send the server elsewhere.
import { createHash, createHmac } from "node:crypto";

export interface TS3Config {
  endpoint: URL;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface TSigV4Input {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (names in any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (of "" for none). */
  payloadSha256: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  now: Date;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

/** RFC 3986 encoding as SigV4 wants it: every byte but A-Z a-z 0-9 - . _ ~ (and "/" in paths). */
export function uriEncode(s: string, keepSlash: boolean): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(ch) || (keepSlash && ch === "/")) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** yyyymmddThhmmssZ */
export const amzDate = (d: Date): string => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * The headers that authenticate a request with Signature Version 4: x-amz-date,
 * x-amz-content-sha256 and Authorization. The caller sends them with its own `headers`.
 */
export function signV4(input: TSigV4Input): Record<string, string> {
  const date = amzDate(input.now);
  const day = date.slice(0, 8);
  const headers: Record<string, string> = { host: input.url.host };
  for (const [k, v] of Object.entries(input.headers ?? {})) headers[k.toLowerCase()] = v;
  headers["x-amz-content-sha256"] = input.payloadSha256;
  headers["x-amz-date"] = date;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k, false), uriEncode(v, false)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  // S3 signs the path as sent (each segment encoded once), never normalised.
  const path = uriEncode(decodeURIComponent(input.url.pathname), true) || "/";
  const canonicalRequest = [input.method.toUpperCase(), path, query, canonicalHeaders, signedHeaders, input.payloadSha256].join("\n");
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), input.service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
  return {
    "x-amz-date": date,
    "x-amz-content-sha256": input.payloadSha256,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

/** A request the store refused or could not serve; the message names the S3 error code, never a secret. */
export class EvidenceStoreError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "EvidenceStoreError";
  }
}

export interface TS3Options {
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/** Path-style: <endpoint>/<bucket>/<key>, the endpoint's own path kept as a prefix. */
export function objectUrl(cfg: TS3Config, key: string): URL {
  const base = cfg.endpoint.pathname.replace(/\/+$/, "");
  const url = new URL(cfg.endpoint.origin);
  url.pathname = `${base}/${cfg.bucket}/${key.split("/").map((s) => uriEncode(s, false)).join("/")}`;
  return url;
}

async function send(cfg: TS3Config, method: "PUT" | "GET" | "DELETE", key: string, body: Buffer | null, extra: Record<string, string>, opts: TS3Options): Promise<Response> {
  const url = objectUrl(cfg, key);
  const signed = signV4({
    method,
    url,
    headers: extra,
    payloadSha256: sha256Hex(body ?? ""),
    accessKeyId: cfg.accessKeyId,
    secretAccessKey: cfg.secretAccessKey,
    region: cfg.region,
    service: "s3",
    now: (opts.now ?? (() => new Date()))(),
  });
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, {
      method,
      headers: { ...extra, ...signed },
      ...(body ? { body: new Uint8Array(body) } : {}),
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
  } catch (e) {
    throw new EvidenceStoreError(`the evidence store at ${cfg.endpoint.host} could not be reached (${(e as Error).message})`);
  }
  if (res.status >= 200 && res.status < 300) return res;
  const text = await res.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  throw new EvidenceStoreError(`the evidence store refused ${method} ${key}: HTTP ${res.status}${code ? ` ${code}` : ""}`, res.status);
}

export async function s3PutObject(cfg: TS3Config, key: string, bytes: Buffer, contentType: string, opts: TS3Options = {}): Promise<void> {
  const res = await send(cfg, "PUT", key, bytes, { "content-type": contentType }, opts);
  await res.body?.cancel().catch(() => {});
}

/** The object's bytes; more than maxBytes is refused without reading the rest. */
export async function s3GetObject(cfg: TS3Config, key: string, maxBytes: number, opts: TS3Options = {}): Promise<Buffer> {
  const res = await send(cfg, "GET", key, null, {}, opts);
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new EvidenceStoreError(`the stored object ${key} is larger than expected`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function s3DeleteObject(cfg: TS3Config, key: string, opts: TS3Options = {}): Promise<void> {
  const res = await send(cfg, "DELETE", key, null, {}, opts);
  await res.body?.cancel().catch(() => {});
}
