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

export async function jsonBody(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return {};
  }
}
