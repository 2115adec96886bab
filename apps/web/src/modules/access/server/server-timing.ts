// Server-Timing for a route: how long the server took to answer (authentication, the query and
// the JSON), so a client or a benchmark can read the server's share of a request's time.
import type { TRouteHandler } from "@/lib/route";

export function withServerTiming(handler: TRouteHandler, name: string): TRouteHandler {
  return async (req, context) => {
    const start = performance.now();
    const res = await handler(req, context);
    const ms = performance.now() - start;
    res.headers.set("Server-Timing", `${name};dur=${ms.toFixed(1)};desc="server time"`);
    return res;
  };
}
