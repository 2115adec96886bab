// The worker's metrics: scans (duration, outcome, objects read, findings), deliveries and fixes,
// queue depth and age per queue (read at scrape time), clusters watched. Served on the health port
// (GET /metrics), which is not behind a Service: Prometheus scrapes pods directly.
import { metrics, setQueueProbe, setWatchProbe } from "@bulwark/metrics";
import { getQueue } from "@bulwark/jobs";
import type { ScanJobResult } from "./processors/scan.processor";

const STATES = ["waiting", "active", "delayed", "failed"] as const;

/** Queue depth and the oldest waiting job's age for `queues`, read when Prometheus scrapes. */
export function watchQueues(queues: readonly string[]): void {
  setQueueProbe(async () =>
    Promise.all(
      queues.map(async (name) => {
        const q = getQueue(name);
        const counts = await q.getJobCounts(...STATES);
        const [oldest] = counts.waiting ? await q.getJobs(["waiting"], 0, 0, true) : [];
        return { queue: name, counts, oldestWaitingMs: oldest ? Math.max(0, Date.now() - oldest.timestamp) : null };
      }),
    ),
  );
}

export function watchLiveClusters(count: () => number): void {
  setWatchProbe(count);
}

/** Wraps a scan job: its duration, outcome and volume go to the metrics, its result unchanged. */
export async function observeScan(trigger: string, run: () => Promise<ScanJobResult>): Promise<ScanJobResult> {
  const m = metrics();
  const end = m.scanDuration.startTimer({ trigger });
  try {
    const r = await run();
    end({ outcome: r.outcome });
    m.scans.inc({ outcome: r.outcome, trigger });
    if (r.outcome === "succeeded" || r.outcome === "partial") {
      m.objectsRead.inc(r.objects);
      m.findingsWritten.inc(r.findings);
    }
    return r;
  } catch (e) {
    end({ outcome: "error" });
    m.scans.inc({ outcome: "error", trigger });
    throw e;
  }
}

/** Counts one outgoing delivery (alert, ticket) or fix application by its outcome. */
export function countDelivery(kind: "alert" | "ticket" | "fix", outcome: string): void {
  metrics().deliveries.inc({ kind, outcome });
}
