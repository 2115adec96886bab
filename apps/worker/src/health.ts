// The worker's health endpoint for probes (WORKER_HEALTH_PORT; off when unset): GET /healthz
// answers 200 while the worker runs and its queue consumers are not closing, 503 otherwise.
// It binds to the given host (default 0.0.0.0 inside a pod) and says nothing about any tenant.
import { createServer, type Server } from "node:http";

export function startHealthServer(port: number, host: string, healthy: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
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
