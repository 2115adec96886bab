// For the fairness tests (Redis and Postgres queue backends): tenant A floods the scan queue, then
// tenant B's scheduler fires; a real worker (concurrency 3, at most two running scans per
// organization) scans kube-sim clusters. Judged by order, never by time: B's scans must start
// before A's backlog has drained, and A never runs more than two scans at once although a third
// slot is free.
import { startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type W = typeof import("./index");

export const FAIRNESS_ENV = {
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_CONCURRENCY: "3",
  WORKER_ORG_CONCURRENCY: "2",
  // Short, so A's deferred backlog comes back quickly and the test stays short; order is what is judged.
  WORKER_ORG_DEFER_MS: "200",
  WORKER_RECOVER_EVERY_MS: "60000",
  // The scan queue is what is judged; continuous mode's live records would add Scan rows.
  WORKER_CONTINUOUS: "off",
};

export interface FairnessOutcome {
  /** A's scans that had started when B's last scan started */
  aStartedBeforeLastB: number;
  aTotal: number;
  bTotal: number;
  /** the most scans A ever had running at once */
  aMaxRunning: number;
  statuses: string[];
}

export async function runFairnessScenario(opts: { secret: string; aScans: number; bScans: number }): Promise<FairnessOutcome> {
  const db: Db = await import("@bulwark/db");
  const jobs: Jobs = await import("@bulwark/jobs");
  const w: W = await import("./index");
  const keyring = parseKeyring(opts.secret);
  const sim: KubeSim = await startKubeSim({
    objects: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } }, { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx" }] } }],
  });
  let worker: Awaited<ReturnType<W["startWorker"]>> | undefined;
  try {
    await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true });
    const a = await db.createUserWithOrganization({ email: `a-${Date.now()}@example.com`, passwordHash: null, orgName: "Flooder" });
    const b = await db.createUserWithOrganization({ email: `b-${Date.now()}@example.com`, passwordHash: null, orgName: "Bystander" });
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "admin" }), keyring);
    const cluster = (orgId: string, actorId: string, name: string) => db.createCluster({ orgId, actorId, name, server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId });

    // A requests a scan of each of its clusters, as the web app does (backlog orders them).
    const aClusters = [];
    for (let i = 0; i < opts.aScans; i++) aClusters.push(await cluster(a.org.id, a.user.id, `a-${i}`));
    for (const c of aClusters) {
      const scan = await db.createScan({ orgId: a.org.id, clusterId: c.id, trigger: "api", actorId: a.user.id });
      const backlog = (await db.countQueuedScans({ orgId: a.org.id })) - 1;
      await jobs.enqueueScan({ orgId: a.org.id, clusterId: c.id, scanId: scan.id, trigger: "api" }, { backlog });
    }
    // Then B's scheduler fires for each of B's clusters: the job its job scheduler adds.
    const bClusters = [];
    for (let i = 0; i < opts.bScans; i++) bClusters.push(await cluster(b.org.id, b.user.id, `b-${i}`));
    for (const c of bClusters) {
      await jobs.getQueue(jobs.QUEUE_SCAN).add(jobs.SCHEDULED_SCAN_JOB_NAME, { orgId: b.org.id, clusterId: c.id, trigger: "schedule" }, { attempts: 3 });
    }

    worker = await w.startWorker(w.workerEnv());
    const all = [...aClusters, ...bClusters].map((c) => c.id);
    const rows = await waitFor(
      "every scan to finish",
      async () => {
        const rows = await db.db.scan.findMany({ where: { clusterId: { in: all } }, select: { orgId: true, status: true, startedAt: true, finishedAt: true } });
        return rows.length === all.length && rows.every((r) => ["succeeded", "partial", "failed"].includes(r.status)) ? rows : null;
      },
      240_000,
      250,
    );
    const aRows = rows.filter((r) => r.orgId === a.org.id);
    const bRows = rows.filter((r) => r.orgId === b.org.id);
    const lastB = Math.max(...bRows.map((r) => r.startedAt!.getTime()));
    // Sweep A's start and finish times: how many ran at once, at most.
    const events = aRows.flatMap((r) => [[r.startedAt!.getTime(), 1], [r.finishedAt!.getTime(), -1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let running = 0;
    let maxRunning = 0;
    for (const [, d] of events) maxRunning = Math.max(maxRunning, (running += d));
    return {
      aStartedBeforeLastB: aRows.filter((r) => r.startedAt!.getTime() < lastB).length,
      aTotal: aRows.length,
      bTotal: bRows.length,
      aMaxRunning: maxRunning,
      statuses: [...new Set(rows.map((r) => r.status))],
    };
  } finally {
    await worker?.close();
    await sim.close();
  }
}

/**
 * The fairness test on one queue backend: its own database and queue prefix, set before the
 * worker's modules are imported (the scenario imports them lazily).
 */
export function fairnessSuite(backend: "redis" | "postgres"): void {
  const dbName = backend === "redis" ? "bulwark_be_fair" : "bulwark_be_fair_pg";
  const secret = testSecretKey();
  const queue = backend === "redis" ? { REDIS_URL } : { REDIS_URL: "", BULWARK_QUEUE_BACKEND: "postgres" };
  Object.assign(process.env, { DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${dbName}`, ...queue, BULWARK_QUEUE_PREFIX: "bulwark-test-be-fair", BULWARK_SECRET_KEY: secret, ...FAIRNESS_ENV });

  beforeAll(async () => {
    await freshDatabase(dbName);
  }, 120_000);

  afterAll(async () => {
    const jobs = await import("@bulwark/jobs");
    const db = await import("@bulwark/db");
    await jobs.getQueue(jobs.QUEUE_SCAN).obliterate({ force: true }).catch(() => {});
    await jobs.closeQueues();
    await db.disconnectDb();
    await dropDatabase(dbName).catch(() => {});
  });

  describe(`fair scan queue (${backend})`, () => {
    it("B's scheduled scans start right after A's first, not after A's backlog of 20; A never holds all three slots", async () => {
      const r = await runFairnessScenario({ secret, aScans: 20, bScans: 2 });
      expect(r.aTotal).toBe(20);
      expect(r.bTotal).toBe(2);
      expect(r.statuses).toEqual(["succeeded"]);
      // First come, first served would start all 20 of A's scans before any of B's.
      expect(r.aStartedBeforeLastB).toBeLessThanOrEqual(2);
      expect(r.aMaxRunning).toBe(2);
    }, 300_000);
  });
}
