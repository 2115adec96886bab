// Turns a withOrg result into a JSON response for route handlers.
import { NextResponse } from "next/server";
import type { TActionResult } from "@/modules/auth/server/with-org";

export function respond<T>(result: TActionResult<T>, okStatus = 200): NextResponse {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus, headers: { "Cache-Control": "no-store" } });
  const { status, code, error, fieldErrors } = result;
  return NextResponse.json({ error, code, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Defence in depth for cookie-authenticated mutations: the session cookie is SameSite=Lax already,
 * and a browser request whose Origin is another site is refused outright.
 */
export function crossSiteRefusal(req: Request): NextResponse | null {
  // Fetch metadata: browsers label requests made by another site's page, with or without Origin.
  if (req.headers.get("sec-fetch-site") === "cross-site") {
    return NextResponse.json({ error: "Cross-site request refused", code: "forbidden" }, { status: 403 });
  }
  const origin = req.headers.get("origin");
  if (!origin) return null;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    if (host && new URL(origin).host === host) return null;
  } catch {
    // unparsable Origin: refuse below
  }
  return NextResponse.json({ error: "Cross-site request refused", code: "forbidden" }, { status: 403 });
}

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

/** Reads a JSON body with a size cap (declared or actual): the value, or "too-large". Invalid JSON is {}. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<{ value: unknown } | "too-large"> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) return "too-large";
  if (!req.body) return { value: {} };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
  } catch {
    return { value: {} };
  }
}

/**
 * The request's JSON body, capped at MAX_JSON_BODY_BYTES. Never throws: invalid JSON and an
 * oversize body become {} so the route's schema answers 400 (withJsonBody answers 413 instead).
 */
export async function jsonBody(req: Request): Promise<unknown> {
  const r = await readJsonBody(req).catch(() => ({ value: {} }));
  return r === "too-large" ? {} : r.value;
}

/** Runs a handler with the request's JSON body, answering 413 when it is over the cap. */
export async function withJsonBody(req: Request, run: (body: unknown) => Promise<NextResponse>, maxBytes = MAX_JSON_BODY_BYTES): Promise<NextResponse> {
  const r = await readJsonBody(req, maxBytes).catch(() => ({ value: {} }));
  if (r === "too-large") return NextResponse.json({ error: `Request body over ${maxBytes} bytes`, code: "too_large" }, { status: 413, headers: { "Cache-Control": "no-store" } });
  return run(r.value);
}
