// Continuous mode under faults: a watched cluster whose API server drops watch connections, answers
// resumes with 410 Expired and streams slowly, while objects change; the worker holding its watch
// lease is SIGKILLed mid-stream. Another worker must take the lease over within 30 s, and the
// stored open findings must end equal to a fresh full read and judge of the cluster: no change lost.
import { randomBytes } from "node:crypto";
import type { KubeObject } from "@bulwark/kube-sim";
import type { Harness } from "./harness";
import { QUICK, log, q, sleep, waitFor } from "./lib";
import type { Row } from "./run";

interface Ctx {
  h: Harness;
  rows: Row[];
}

const OPEN = "('open','reopened','in_progress')";

export async function runContinuous({ h, rows }: Ctx): Promise<void> {
  const { scenarios, startKubeSim } = h.sim;
  const shop = scenarios["shop-staging"]!();
  const runs = QUICK ? 1 : 3;
  let ok = 0;
  const notes: string[] = [];
  for (let run = 0; run < runs; run++) {
    const sim = await startKubeSim({ objects: shop.objects, version: shop.version });
    try {
      const problems = await oneRun(h, sim);
      if (problems.length) {
        log(`continuous mode under watch faults and a SIGKILL run ${run + 1}: FAILED ${problems.join("; ")}`);
        h.dumpWorkerLogs();
        notes.push(...problems.slice(0, 3));
      } else ok++;
    } catch (e) {
      log(`continuous mode run ${run + 1}: error ${(e as Error).message}`);
      notes.push(`error: ${(e as Error).message}`);
    } finally {
      await h.stopWorkers();
      await sim.close();
    }
  }
  rows.push({ section: "continuous", item: "watch drops, 410 storms and slow streams, lease holder SIGKILLed mid-stream: taken over <= 30 s, findings equal a full scan", tried: runs, ok, pass: ok === runs, notes: notes.join("; ") });
}

async function oneRun(h: Harness, sim: Awaited<ReturnType<Harness["sim"]["startKubeSim"]>>): Promise<string[]> {
  const t0 = Date.now();
  // Every watch stream: events 150 ms apart, one in five cut, and the first resumes told 410.
  sim.setFaults([{ pathPattern: "^/api", latencyMs: 150 }, { watchDropRate: 0.2 }, { watchExpired: 1, times: 6 }]);
  const workers = await h.startWorkers(2, { WORKER_CONTINUOUS: "on" });
  const clusterId = await h.addCluster("live", sim.kubeconfig({ identity: "admin" }));
  await waitFor("the cluster to be watched live", async () => (await q<{ s: string }>(h.dbUrl, `SELECT "watchState" AS s FROM "Cluster" WHERE id = $1`, [clusterId]))[0]?.s === "live", 90_000, 250);

  const pod = (i: number): KubeObject => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `rel-live-${i}-${randomBytes(2).toString("hex")}`, namespace: "default" },
    spec: { hostPID: i % 2 === 0, containers: [{ name: "c", image: "nginx:1.27", securityContext: { privileged: i % 3 === 0 } }] },
  });
  const created: KubeObject[] = [];
  let killedAt = 0;
  let killed = "";
  for (let i = 0; i < 12; i++) {
    const p = sim.store.apply(pod(i));
    created.push(p);
    if (i === 3) sim.store.remove("v1", "Pod", "default", created[1]!.metadata.name!);
    if (i === 5) {
      // The lease holder dies without a word; its lease expires and the other worker takes over.
      const [lease] = await q<{ workerId: string }>(h.dbUrl, `SELECT "workerId" FROM "WatchLease" WHERE "clusterId" = $1`, [clusterId]);
      const holder = workers.find((w) => w.name === lease?.workerId);
      if (!holder) return [`no worker holds the cluster's lease (holder ${lease?.workerId ?? "none"})`];
      killed = holder.name;
      killedAt = Date.now();
      await holder.kill("SIGKILL");
    }
    if (i === 8) sim.compact();
    await sleep(100);
  }
  const takeover = await waitFor(
    "another worker to hold the lease",
    async () => {
      const [l] = await q<{ workerId: string }>(h.dbUrl, `SELECT "workerId" FROM "WatchLease" WHERE "clusterId" = $1 AND "expiresAt" > now()`, [clusterId]);
      return l && l.workerId !== killed ? Date.now() - killedAt : null;
    },
    60_000,
    250,
  );
  const problems: string[] = [];
  if (takeover > 30_000) problems.push(`the lease moved ${Math.round(takeover / 1000)} s after the SIGKILL (limit 30 s)`);

  // The truth: a full read and judge of the cluster as it is now.
  const snap = await h.k8s.readCluster(sim.kubeconfig({ identity: "admin" }), { allowPrivateNetworks: true });
  const want = h.rules
    .evaluate(snap, { clusterName: "x" })
    .findings.filter((f) => !f.baseline && !f.exception)
    .map((f) => f.fingerprint)
    .sort();
  const stored = async () => (await q<{ f: string }>(h.dbUrl, `SELECT fingerprint AS f FROM "Finding" WHERE "clusterId" = $1 AND status IN ${OPEN} AND "baselineId" IS NULL ORDER BY fingerprint`, [clusterId])).map((r) => r.f);
  let last: string[] = [];
  const equal = await waitFor(
    "the stored open findings to equal a full scan",
    async () => {
      last = await stored();
      return JSON.stringify(last) === JSON.stringify(want) ? true : null;
    },
    60_000,
    500,
  ).catch(() => false);
  if (!equal) {
    const missing = want.filter((f) => !last.includes(f)).length;
    const extra = last.filter((f) => !want.includes(f)).length;
    problems.push(`stored open findings differ from a full scan: ${missing} missing, ${extra} extra`);
  }
  const scans = await q<{ n: number }>(h.dbUrl, `SELECT count(*)::int AS n FROM "Scan" WHERE "clusterId" = $1 AND trigger <> 'live'`, [clusterId]);
  if (scans[0]!.n !== 0) problems.push(`${scans[0]!.n} scans ran: the watch alone must have kept the findings current`);
  if (!problems.length) log(`  lease taken over ${(takeover / 1000).toFixed(1)} s after the SIGKILL; findings equal a full scan ${((Date.now() - t0) / 1000).toFixed(1)} s after the start`);
  return problems;
}
