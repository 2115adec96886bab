// Scan flood from one tenant: tenant A requests a scan of each of its 200 clusters at once while
// tenant B's scheduled scans keep firing. B's queue wait (scheduler firing -> scan claimed) is
// measured with no flood, with A's flood on the fair queue (round-robin by backlog, one running
// scan per organization), and, for comparison, with the same flood served first come, first served
// (the old queue: no backlog priority, no per-organization limit).
import { randomBytes } from "node:crypto";
import type { KubeSim } from "@bulwark/kube-sim";
import type { Harness } from "./harness";
import { QUICK, log, q, sleep, waitFor } from "./lib";
import type { Row } from "./run";

interface Ctx {
  h: Harness;
  rows: Row[];
  extra: Record<string, unknown>;
}

interface Tenant {
  orgId: string;
  userId: string;
  clusters: string[];
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "n/a");

export async function runQueueFairness(ctx: Ctx): Promise<void> {
  const { h, rows } = ctx;
  const A_SCANS = QUICK ? 60 : 200;
  const B_CLUSTERS = 4;
  const ROUNDS = QUICK ? 3 : 5;
  const sim: KubeSim = await h.sim.startKubeSim({
    objects: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } },
    ],
  });
  const keyring = h.security.parseKeyring(h.secretKey);
  const { ciphertext, keyId } = h.security.encryptCredential(sim.kubeconfig({ identity: "admin" }), keyring);

  async function tenant(name: string, clusters: number): Promise<Tenant> {
    const tag = randomBytes(3).toString("hex");
    const { user, org } = await h.db.createUserWithOrganization({ email: `${name}-${tag}@example.com`, passwordHash: null, orgName: `${name} ${tag}` });
    const ids: string[] = [];
    for (let i = 0; i < clusters; i++) ids.push((await h.db.createCluster({ orgId: org.id, actorId: user.id, name: `${name}-${i}`, server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id);
    return { orgId: org.id, userId: user.id, clusters: ids };
  }

  /** A requests a scan of every cluster, as the web app does; `fair` passes the backlog. */
  async function flood(a: Tenant, fair: boolean): Promise<void> {
    for (const clusterId of a.clusters) {
      const scan = await h.db.createScan({ orgId: a.orgId, clusterId, trigger: "api", actorId: a.userId });
      const backlog = fair ? (await h.db.countQueuedScans({ orgId: a.orgId })) - 1 : 0;
      await h.jobs.enqueueScan({ orgId: a.orgId, clusterId, scanId: scan.id, trigger: "api" }, { backlog });
    }
  }

  /** One firing of B's schedulers: the wait of each scan, from the firing to its claim. */
  async function fireB(b: Tenant): Promise<number[]> {
    const firedAt = new Date();
    for (const clusterId of b.clusters) await h.queue().add(h.jobs.SCHEDULED_SCAN_JOB_NAME, { orgId: b.orgId, clusterId, trigger: "schedule" }, { attempts: 3 });
    const started = await waitFor(
      "B's scheduled scans to start",
      async () => {
        const r = await q<{ startedAt: Date | null }>(h.dbUrl, `SELECT "startedAt" FROM "Scan" WHERE "clusterId" = ANY($1::text[]) AND "createdAt" >= $2 AND trigger <> 'live'`, [b.clusters, firedAt]);
        return r.length === b.clusters.length && r.every((x) => x.startedAt) ? r : null;
      },
      600_000,
      100,
    );
    // Let them finish before the next firing (a cluster has one queued or running scan at a time).
    await waitFor("B's scans to finish", async () => {
      const r = await q<{ n: number }>(h.dbUrl, `SELECT count(*)::int AS n FROM "Scan" WHERE "clusterId" = ANY($1::text[]) AND status IN ('queued', 'running')`, [b.clusters]);
      return r[0]!.n === 0;
    }, 600_000, 100);
    return started.map((s) => s.startedAt!.getTime() - firedAt.getTime());
  }

  async function aBacklog(a: Tenant): Promise<number> {
    return (await q<{ n: number }>(h.dbUrl, `SELECT count(*)::int AS n FROM "Scan" WHERE "orgId" = $1 AND status IN ('queued', 'running')`, [a.orgId]))[0]!.n;
  }

  async function phase(name: string, opts: { a?: Tenant; fair: boolean; b: Tenant; workerEnv: Record<string, string> }) {
    await h.clearQueues();
    // The scan queue is what is measured: continuous mode (its own section) would add live records.
    await h.startWorkers(1, { WORKER_CONTINUOUS: "off", ...opts.workerEnv });
    await sleep(500);
    if (opts.a) await flood(opts.a, opts.fair);
    const waits: number[] = [];
    const backlogs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (opts.a) backlogs.push(await aBacklog(opts.a));
      waits.push(...(await fireB(opts.b)));
    }
    const aLeft = opts.a ? await aBacklog(opts.a) : 0;
    if (opts.a) {
      // Drain A before the next phase, so phases do not overlap.
      await waitFor(`${name}: A's scans to finish`, async () => (await aBacklog(opts.a!)) === 0, 900_000, 500);
    }
    await h.stopWorkers();
    log(`scan flood ${name}: B waits p50 ${fmt(pct(waits, 50))} p95 ${fmt(pct(waits, 95))}; A's backlog during B's firings ${backlogs.join(",")}`);
    return { waits, backlogs, aLeft };
  }

  try {
    const b = await tenant("bystander", B_CLUSTERS);
    const aFair = await tenant("flooder", A_SCANS);
    const aFifo = QUICK ? null : await tenant("flooder-fifo", A_SCANS);
    await h.db.disconnectDb();
    // The worker's defaults: concurrency 2, one running scan per organization.
    const fairEnv = { WORKER_CONCURRENCY: "2" };
    const base = await phase("no flood", { fair: true, b, workerEnv: fairEnv });
    const fair = await phase("fair queue", { a: aFair, fair: true, b, workerEnv: fairEnv });
    const fifo = aFifo ? await phase("first come, first served", { a: aFifo, fair: false, b, workerEnv: { WORKER_CONCURRENCY: "2", WORKER_ORG_CONCURRENCY: "1000" } }) : null;

    const p95Base = pct(base.waits, 95);
    const p95Fair = pct(fair.waits, 95);
    // The flood may cost B at most one of A's scans per firing plus a second, never A's backlog.
    const pass = fair.backlogs[0]! >= A_SCANS / 2 && p95Fair <= Math.max(3 * p95Base, p95Base + 5000);
    rows.push({
      section: "load",
      item: `scan flood: tenant A queues ${A_SCANS} scans, tenant B's scheduled scans (${B_CLUSTERS} clusters x ${ROUNDS} firings)`,
      tried: fair.waits.length,
      ok: fair.waits.filter((w) => w <= Math.max(3 * p95Base, p95Base + 5000)).length,
      pass,
      notes:
        `B wait p50/p95: no flood ${fmt(pct(base.waits, 50))}/${fmt(p95Base)}; with A's flood ${fmt(pct(fair.waits, 50))}/${fmt(p95Fair)} (A's backlog ${fair.backlogs[0]}..${fair.backlogs.at(-1)})` +
        (fifo ? `; first come first served (old queue) ${fmt(pct(fifo.waits, 50))}/${fmt(pct(fifo.waits, 95))}` : ""),
    });
    ctx.extra.scanFlood = {
      aScans: A_SCANS,
      bClusters: B_CLUSTERS,
      rounds: ROUNDS,
      bWaitMs: { noFlood: base.waits, fair: fair.waits, ...(fifo ? { fifo: fifo.waits } : {}) },
      aBacklogAtFirings: { fair: fair.backlogs, ...(fifo ? { fifo: fifo.backlogs } : {}) },
      p50p95Ms: {
        noFlood: [pct(base.waits, 50), p95Base],
        fair: [pct(fair.waits, 50), p95Fair],
        ...(fifo ? { fifo: [pct(fifo.waits, 50), pct(fifo.waits, 95)] } : {}),
      },
    };
  } finally {
    await h.stopWorkers();
    await h.clearQueues();
    await sim.close();
  }
}
