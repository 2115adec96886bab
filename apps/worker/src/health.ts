// The worker's health and metrics port (WORKER_HEALTH_PORT; off when unset): GET /healthz
// answers 200 while the worker runs and its queue consumers are not closing, 503 otherwise; GET
// /metrics is Prometheus' text format. A port of its own, never behind the web app's Service; it
// binds to the given host (default 0.0.0.0 inside a pod) and names no tenant.
import { createServer, type Server } from "node:http";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@bulwark/metrics";

export function startHealthServer(port: number, host: string, healthy: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/metrics") {
      renderMetrics().then(
        (text) => res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE, "cache-control": "no-store" }).end(text),
        (e: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${e.message}\n`),
      );
      return;
    }
    if (req.method !== "GET" || (req.url !== "/healthz" && req.url !== "/readyz")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    const ok = healthy();
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ status: ok ? "ok" : "stopping" }));
  });
  server.requestTimeout = 5000;
  server.headersTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
