// Turns a withOrg result into a JSON response for route handlers.
import { NextResponse } from "next/server";
import type { TActionResult } from "@/modules/auth/server/with-org";

export function respond<T>(result: TActionResult<T>, okStatus = 200): NextResponse {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus, headers: { "Cache-Control": "no-store" } });
  const { status, code, error, fieldErrors } = result;
  return NextResponse.json({ error, code, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
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
