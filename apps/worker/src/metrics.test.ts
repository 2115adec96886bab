// The worker's /metrics on its health port: scans observed by outcome with objects and findings,
// queue depth and the oldest waiting job's age read from a real Redis queue at scrape time.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `metrics-test-${process.pid}`;

const { getQueue, closeQueues } = await import("@bulwark/jobs");
const { startHealthServer } = await import("./health");
const { observeScan, watchQueues } = await import("./metrics");

let server: Server | undefined;
const QUEUE = "bulwark-metrics-probe";

afterAll(async () => {
  server?.close();
  await getQueue(QUEUE).obliterate({ force: true }).catch(() => {});
  await closeQueues();
});

describe("worker metrics", () => {
  it("counts scans and reads queue depth and age at scrape time", async () => {
    await observeScan("manual", async () => ({ outcome: "succeeded", scanId: "s1", findings: 7, objects: 120, stats: {} }));
    await observeScan("schedule", async () => ({ outcome: "failed", scanId: "s2", reason: "unreachable" }));
    await getQueue(QUEUE).add("x", { a: 1 }, { timestamp: Date.now() - 5000 });
    watchQueues([QUEUE]);
    server = await startHealthServer(0, "127.0.0.1", () => true);
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/bulwark_scans_total\{outcome="succeeded",trigger="manual"\} 1/);
    expect(text).toMatch(/bulwark_scans_total\{outcome="failed",trigger="schedule"\} 1/);
    expect(text).toMatch(/bulwark_scan_objects_read_total 120/);
    expect(text).toMatch(/bulwark_scan_findings_total 7/);
    expect(text).toMatch(new RegExp(`bulwark_queue_jobs\\{queue="${QUEUE}",state="waiting"\\} 1`));
    const age = Number(new RegExp(`bulwark_queue_oldest_waiting_seconds\\{queue="${QUEUE}"\\} ([0-9.]+)`).exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(4);
  });
});
