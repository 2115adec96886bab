// The web app's Prometheus metrics: every /api route's duration by its template, method and status
// (recorded where lib/api-routes hands out handlers), served at GET /api/metrics to a scraper that
// presents BULWARK_METRICS_TOKEN as a bearer token. Without the variable the route is 404, so no
// deployment exposes metrics by accident; the answer names no organization.
import { timingSafeEqual } from "node:crypto";
import { METRICS_CONTENT_TYPE, metrics, renderMetrics } from "@bulwark/metrics";
import { env } from "@/env";
import type { TRouteHandler } from "./route";

/** `handler` with its duration recorded under `key` ("GET /api/findings/{id}"). */
export function timed(key: string, handler: TRouteHandler): TRouteHandler {
  const [method, route] = key.split(" ") as [string, string];
  return async (req, context) => {
    const end = metrics().httpRequestDuration.startTimer({ route, method });
    try {
      const res = await handler(req, context);
      end({ status: String(res.status) });
      return res;
    } catch (e) {
      end({ status: "500" });
      throw e;
    }
  };
}

function tokenMatches(header: string | null, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsHandler(req: Request): Promise<Response> {
  return metricsResponse(req, env().BULWARK_METRICS_TOKEN);
}

/** The answer to a scrape presenting `req`'s credentials when the configured token is `token`. */
export async function metricsResponse(req: Request, token: string | undefined): Promise<Response> {
  if (!token) return new Response("not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  if (!tokenMatches(req.headers.get("authorization"), token)) {
    return new Response("unauthorized\n", { status: 401, headers: { "Content-Type": "text/plain", "WWW-Authenticate": 'Bearer realm="bulwark-metrics"' } });
  }
  return new Response(await renderMetrics(), { headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" } });
}
