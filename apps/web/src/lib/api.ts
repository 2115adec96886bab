// The HTTP pieces of the API's route wrapper (lib/route.ts): JSON answers, the cross-site check,
// query strings and the one capped JSON body reader.
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
  const tooLarge = { ok: false, status: 413, code: "too_large", error: `Request body over ${maxBytes} bytes` } as const;
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) return tooLarge;
  if (!req.body) return { ok: true, value: {} };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, code: "invalid_json", error: "The request body could not be read" };
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: "invalid_json", error: "The request body is not valid JSON" };
  }
}
