// The HTTP pieces of the API's route wrapper (lib/route.ts): JSON answers, the cross-site check,
// query strings and the capped body readers (JSON, and multipart forms with files).
import { NextResponse } from "next/server";
import type { TActionResult } from "@/modules/auth/server/with-org";

const NO_STORE = { "Cache-Control": "no-store" };

export function respond<T>(result: TActionResult<T>, okStatus = 200): NextResponse {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus, headers: NO_STORE });
  const { status, code, error, fieldErrors, details } = result;
  // A rate limit says when to come back in the standard header too, for clients that honour it.
  const retryAfter: Record<string, string> = status === 429 && typeof details?.retryAfterSeconds === "number" ? { "Retry-After": String(Math.max(1, Math.ceil(details.retryAfterSeconds))) } : {};
  return NextResponse.json({ error, code, ...(fieldErrors ? { fieldErrors } : {}), ...(details ? { details } : {}) }, { status, headers: { ...NO_STORE, ...retryAfter } });
}

/** An error answer in the API's one shape: { error, code }. */
export function errorResponse(status: number, code: string, error: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error, code }, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * Defence in depth for cookie-authenticated requests: the session cookie is SameSite=Lax already,
 * and a browser request whose Origin is another site is refused outright.
 */
export function crossSiteRefusal(req: Request): NextResponse | null {
  // Fetch metadata: browsers label requests made by another site's page, with or without Origin.
  if (req.headers.get("sec-fetch-site") === "cross-site") return errorResponse(403, "forbidden", "Cross-site request refused");
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    if (host && new URL(origin).host === host) return null;
  } catch {
    // unparsable Origin: refuse below
  }
  return errorResponse(403, "forbidden", "Cross-site request refused");
}

/** Query parameters as an object; a repeated key becomes an array. */
export function searchParamsObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** JSON bodies of the API are small (a kubeconfig is the largest); anything bigger is refused. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

export type TJsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; code: "invalid_json" | "too_large"; error: string };

/**
 * Reads a JSON body with a size cap on the declared and the actual size, without holding more than
 * the cap in memory: 413 when over it, 400 when it is not JSON. An empty body is {}.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<TJsonBody> {
  const raw = await readCapped(req, maxBytes);
  if (raw === "too_large") return { ok: false, status: 413, code: "too_large", error: `Request body over ${maxBytes} bytes` };
  if (raw === "unreadable") return { ok: false, status: 400, code: "invalid_json", error: "The request body could not be read" };
  const text = raw.toString("utf8");
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: "invalid_json", error: "The request body is not valid JSON" };
  }
}

/** Limits of a multipart body: its files (each, and how many) and, for the rest, the JSON cap. */
export interface TFormLimits {
  maxFiles: number;
  maxFileBytes: number;
}

export type TUploadedFile = { name: string; contentType: string; bytes: Buffer };
export type TFormBody =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; code: "invalid_form" | "invalid_json" | "too_large" | "unsupported_media_type"; error: string };

const mib = (n: number) => `${+(n / (1024 * 1024)).toFixed(1)} MiB`;

/**
 * Reads a multipart/form-data body (fields and files) or a JSON object (fields only), capped: the
 * whole body at maxFiles x maxFileBytes plus the JSON cap, each file at maxFileBytes (413 naming
 * the file). Fields become strings (a repeated field an array); files go to `files` as
 * { name, contentType, bytes } whatever their field name. Nothing is written anywhere.
 */
export async function readFormBody(req: Request, limits: TFormLimits): Promise<TFormBody> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) {
    if (type && !type.startsWith("application/json")) return { ok: false, status: 415, code: "unsupported_media_type", error: "Send multipart/form-data (with files) or application/json (without)" };
    const body = await readJsonBody(req);
    if (!body.ok) return body;
    if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) return { ok: false, status: 400, code: "invalid_json", error: "The request body must be a JSON object" };
    return { ok: true, value: body.value as Record<string, unknown> };
  }
  const cap = limits.maxFiles * limits.maxFileBytes + MAX_JSON_BODY_BYTES;
  const raw = await readCapped(req, cap);
  if (raw === "too_large") return { ok: false, status: 413, code: "too_large", error: `Request body over ${mib(cap)} (at most ${limits.maxFiles} files of ${mib(limits.maxFileBytes)})` };
  if (raw === "unreadable") return { ok: false, status: 400, code: "invalid_form", error: "The request body could not be read" };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": req.headers.get("content-type")! } }).formData();
  } catch {
    return { ok: false, status: 400, code: "invalid_form", error: "The request body is not valid multipart/form-data" };
  }
  const value: Record<string, unknown> = {};
  const files: TUploadedFile[] = [];
  for (const [key, entry] of form.entries()) {
    if (typeof entry === "string") {
      const prev = value[key];
      value[key] = prev === undefined ? entry : Array.isArray(prev) ? [...prev, entry] : [prev, entry];
      continue;
    }
    // A file input left empty still sends a part with no name and no bytes.
    if (entry.size === 0 && !entry.name) continue;
    if (entry.size > limits.maxFileBytes) return { ok: false, status: 413, code: "too_large", error: `${entry.name || "A file"} is larger than ${mib(limits.maxFileBytes)}` };
    if (files.length >= limits.maxFiles) return { ok: false, status: 400, code: "invalid_form", error: `At most ${limits.maxFiles} files` };
    files.push({ name: entry.name, contentType: entry.type, bytes: Buffer.from(await entry.arrayBuffer()) });
  }
  value.files = files;
  return { ok: true, value };
}

/**
 * A document sent as the whole body (any text type: a scanner's JSON as `curl --data-binary` sends
 * it), kept as the exact text received, capped at maxBytes (413), refused unless UTF-8 (400); or,
 * for multipart/form-data, its fields and files as readFormBody reads them.
 */
export async function readDocumentBody(req: Request, limits: TFormLimits): Promise<TFormBody> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return readFormBody(req, limits);
  if (type && !type.startsWith("application/json") && !type.startsWith("text/") && !type.startsWith("application/octet-stream") && !type.includes("+json")) {
    return { ok: false, status: 415, code: "unsupported_media_type", error: "Send the document as the body (application/json) or as a file in multipart/form-data" };
  }
  const raw = await readCapped(req, limits.maxFileBytes);
  if (raw === "too_large") return { ok: false, status: 413, code: "too_large", error: `The document is larger than ${mib(limits.maxFileBytes)}` };
  if (raw === "unreadable") return { ok: false, status: 400, code: "invalid_form", error: "The request body could not be read" };
  try {
    return { ok: true, value: { text: new TextDecoder("utf-8", { fatal: true }).decode(raw) } };
  } catch {
    return { ok: false, status: 400, code: "invalid_form", error: "The document is not UTF-8 text" };
  }
}

/** The body's bytes, refused beyond `cap` on the declared and the actual size. */
async function readCapped(req: Request, cap: number): Promise<Buffer | "too_large" | "unreadable"> {
  if (Number(req.headers.get("content-length") ?? "0") > cap) return "too_large";
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        await reader.cancel().catch(() => {});
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  return Buffer.concat(chunks);
}
