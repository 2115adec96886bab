// Prometheus metrics of the web app and the worker (prom-client). One registry per process, made
// once (Next.js reloads modules; a second registration would throw). Labels are bounded: route
// templates ("GET /api/findings/{id}"), queue names, outcomes; never an organization, a cluster
// or an id, so one tenant's activity cannot blow up the series count.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface BulwarkMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
  scanDuration: Histogram<"outcome" | "trigger">;
  scans: Counter<"outcome" | "trigger">;
  objectsRead: Counter;
  findingsWritten: Counter;
  watchStreams: Gauge;
  deliveries: Counter<"kind" | "outcome">;
  queueJobs: Gauge<"queue" | "state">;
  queueOldestWaitingSeconds: Gauge<"queue">;
}

type QueueProbe = () => Promise<{ queue: string; counts: Record<string, number>; oldestWaitingMs: number | null }[]>;

const g = globalThis as unknown as { __bulwarkMetrics?: BulwarkMetrics; __bulwarkQueueProbe?: QueueProbe; __bulwarkWatchProbe?: () => number };

// Both queue gauges are collected concurrently on a scrape: they share one read of the queues.
let probing: { at: number; result: Promise<Awaited<ReturnType<QueueProbe>>> } | undefined;
function probeQueues(): Promise<Awaited<ReturnType<QueueProbe>>> {
  const probe = g.__bulwarkQueueProbe;
  if (!probe) return Promise.resolve([]);
  if (!probing || Date.now() - probing.at > 1000) probing = { at: Date.now(), result: probe().catch(() => []) };
  return probing.result;
}

/** The process's metrics (created on first use, with Node's default process metrics). */
export function metrics(): BulwarkMetrics {
  if (g.__bulwarkMetrics) return g.__bulwarkMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "bulwark_" });
  const m: BulwarkMetrics = {
    registry,
    httpRequestDuration: new Histogram({
      name: "bulwark_http_request_duration_seconds",
      help: "API request durations by route template, method and status",
      labelNames: ["route", "method", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    scanDuration: new Histogram({
      name: "bulwark_scan_duration_seconds",
      help: "Scan durations by outcome and trigger",
      labelNames: ["outcome", "trigger"],
      buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200],
      registers: [registry],
    }),
    scans: new Counter({ name: "bulwark_scans_total", help: "Scans processed by outcome and trigger", labelNames: ["outcome", "trigger"], registers: [registry] }),
    objectsRead: new Counter({ name: "bulwark_scan_objects_read_total", help: "Kubernetes objects read by scans", registers: [registry] }),
    findingsWritten: new Counter({ name: "bulwark_scan_findings_total", help: "Findings produced by stored scans", registers: [registry] }),
    watchStreams: new Gauge({
      name: "bulwark_watch_clusters",
      help: "Clusters this worker watches continuously",
      registers: [registry],
      collect() {
        if (g.__bulwarkWatchProbe) this.set(g.__bulwarkWatchProbe());
      },
    }),
    deliveries: new Counter({ name: "bulwark_deliveries_total", help: "Outgoing deliveries (alerts, tickets) and fix applications by kind and outcome", labelNames: ["kind", "outcome"], registers: [registry] }),
    queueJobs: new Gauge({
      name: "bulwark_queue_jobs",
      help: "Jobs per queue and state (waiting, active, delayed, failed)",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of await probeQueues()) for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
      },
    }),
    queueOldestWaitingSeconds: new Gauge({
      name: "bulwark_queue_oldest_waiting_seconds",
      help: "Age of the oldest waiting job per queue (0: none waiting)",
      labelNames: ["queue"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of await probeQueues()) this.set({ queue: q.queue }, q.oldestWaitingMs === null ? 0 : q.oldestWaitingMs / 1000);
      },
    }),
  };
  g.__bulwarkMetrics = m;
  return m;
}

/** How queue depth and age are read at scrape time (the worker sets it; it knows the queues). */
export function setQueueProbe(probe: QueueProbe): void {
  g.__bulwarkQueueProbe = probe;
}

/** How many clusters this process watches, read at scrape time. */
export function setWatchProbe(probe: () => number): void {
  g.__bulwarkWatchProbe = probe;
}

/** The exposition text of every metric. */
export async function renderMetrics(): Promise<string> {
  return metrics().registry.metrics();
}
