// Continuous mode at fleet scale, through the production entry point (apps/worker/src/main.ts):
//
//   latency CLUSTERS OBJECTS WORKERS RATE SECONDS
//     CLUSTERS kube-sim clusters (in a child process) watched by WORKERS worker processes; once
//     every cluster is live, a steady stream of RATE changes per second for SECONDS (each creates a
//     privileged pod in a round-robin cluster over HTTPS, as kubectl would) and the time from the
//     API server's answer to an open finding on that pod in Postgres. Also the workers' CPU per
//     1,000 changes (utime + stime from /proc, minus the same workers' idle CPU over as long), the
//     clusters live at the end, and whether any cluster was ever leased twice.
//   memory CLUSTERS OBJECTS
//     What one watched cluster keeps in a worker: watchCluster's snapshot plus the judge state,
//     for CLUSTERS clusters of OBJECTS generated objects, as V8 heap after a full GC (needs
//     --expose-gc) divided by CLUSTERS.
// Prints one JSON line.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import { parse as parseYaml } from "yaml";
import pg from "pg";
import { stopChild } from "@bulwark/k8s/testing";
import { benchDatabaseUrl, benchWorkerEnv, createBenchClusters, sleep, spawnWorker, startSimChild } from "./lib";

interface Target {
  server: string;
  token: string;
  dispatcher: Agent;
}

/** The API server, token and CA of a kube-sim kubeconfig (admin identity: a bearer token). */
function targetOf(kubeconfig: string): Target {
  const kc = parseYaml(kubeconfig) as {
    clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
    users: Array<{ user: { token?: string } }>;
  };
  const cluster = kc.clusters[0]!.cluster;
  const token = kc.users[0]!.user.token;
  if (!token) throw new Error("the bench needs a token identity");
  const ca = Buffer.from(cluster["certificate-authority-data"], "base64").toString("utf8");
  return { server: cluster.server, token, dispatcher: new Agent({ connect: { ca } }) };
}

async function createPrivilegedPod(t: Target, name: string): Promise<void> {
  const body = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels: { app: name } },
    spec: { containers: [{ name: "app", image: "registry.example.com/bench/app:1.0", securityContext: { privileged: true } }] },
  };
  const r = await request(`${t.server}/api/v1/namespaces/default/pods?fieldManager=kubectl-create`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.token}`, "content-type": "application/json", "user-agent": "kubectl/v1.29.0 (linux/amd64) kubernetes/bench" },
    body: JSON.stringify(body),
    dispatcher: t.dispatcher,
  });
  const text = await r.body.text();
  if (r.statusCode !== 201) throw new Error(`create pod ${name}: HTTP ${r.statusCode} ${text.slice(0, 200)}`);
}

/** utime + stime of a process, in ms (Linux /proc; clock ticks are 100 Hz on Linux). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const stopWorker = (c: ChildProcess) => stopChild(c, (x) => x.kill("SIGTERM"), 20_000);

export async function benchLiveLatency(clusters: number, objectsEach: number, workers: number, rate: number, seconds: number) {
  const secret = randomBytes(32).toString("base64");
  const env = { ...benchWorkerEnv(secret), WORKER_CONTINUOUS: "on" };
  Object.assign(process.env, env);
  const sim = await startSimChild(objectsEach, clusters, 2000);
  const db = await import("@bulwark/db");
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  const children: ChildProcess[] = [];
  const logs: string[][] = [];
  try {
    const tag = `${process.pid}-${Date.now()}`;
    const { clusterIds: ids } = await createBenchClusters(secret, sim.kubeconfigs, "live");
    const targets = sim.kubeconfigs.map(targetOf);

    const tStart = performance.now();
    for (let i = 0; i < workers; i++) {
      const { child, lines, ready } = spawnWorker(env, `bench-live-w${i}-${tag}`);
      logs.push(lines);
      children.push(child);
      await ready;
    }
    // Every cluster live (its baseline judged) before the stream starts; duplicates are watched
    // throughout by sampling the lease table (its primary key makes a duplicate row impossible, so
    // what is checked is that no two workers report the same cluster live: one LiveCluster each).
    const deadline = Date.now() + 10 * 60_000;
    let live = 0;
    for (;;) {
      const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Cluster" WHERE id = ANY($1::text[]) AND "watchState" = 'live'`, [ids]);
      live = r.rows[0]!.n;
      if (live >= clusters || Date.now() > deadline || children.some((c) => c.exitCode !== null)) break;
      await sleep(500);
    }
    const allLiveMs = performance.now() - tStart;
    if (live < clusters) throw new Error(`only ${live} of ${clusters} clusters became live within 10 minutes`);
    await sleep(3000); // let baselines settle before measuring idle CPU
    const pids = children.map((c) => c.pid!);
    const cpu = () => pids.reduce((s, p) => s + cpuMsOf(p), 0);
    const idle0 = cpu();
    const idleStart = performance.now();
    await sleep(Math.min(20_000, seconds * 1000));
    const idleCpuPerMs = (cpu() - idle0) / (performance.now() - idleStart);

    // The stream: RATE creations per second, round-robin over clusters; each waits for its finding.
    const pending = new Map<string, { cluster: string; name: string; t0: number }>();
    const latencies: number[] = [];
    let sent = 0;
    let writeErrors = 0;
    const total = Math.round(rate * seconds);
    const cpu0 = cpu();
    const streamStart = performance.now();
    let polling = true;
    const poller = (async () => {
      while (polling || pending.size) {
        if (pending.size) {
          const names = [...pending.values()];
          const r = await client.query<{ clusterId: string; name: string }>(
            `SELECT DISTINCT "clusterId", name FROM "Finding" WHERE "clusterId" = ANY($1::text[]) AND kind = 'Pod' AND name = ANY($2::text[]) AND status IN ('open','reopened')`,
            [[...new Set(names.map((n) => n.cluster))], names.map((n) => n.name)],
          );
          const now = performance.now();
          for (const row of r.rows) {
            const key = `${row.clusterId}/${row.name}`;
            const p = pending.get(key);
            if (p) {
              latencies.push(now - p.t0);
              pending.delete(key);
            }
          }
          if (!polling && now - streamStart > (seconds + 120) * 1000) break; // give up on stragglers
        }
        await sleep(100);
      }
    })();
    while (sent < total) {
      const due = streamStart + (sent / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const i = sent % clusters;
      const name = `bench-${sent}-${randomBytes(2).toString("hex")}`;
      sent++;
      createPrivilegedPod(targets[i]!, name).then(
        () => pending.set(`${ids[i]}/${name}`, { cluster: ids[i]!, name, t0: performance.now() }),
        () => writeErrors++,
      );
    }
    polling = false;
    await poller;
    const streamMs = performance.now() - streamStart;
    const busyCpuMs = cpu() - cpu0 - idleCpuPerMs * streamMs;
    const leased = await client.query<{ n: number; workers: number }>(`SELECT count(*)::int AS n, count(DISTINCT "workerId")::int AS workers FROM "WatchLease" WHERE "clusterId" = ANY($1::text[])`, [ids]);
    const errorLines = logs.flat().filter((l) => /"level":"error"|unhandled|FATAL|heap out of memory/i.test(l)).length;
    return {
      clusters,
      objectsEach,
      workers,
      allLiveMs,
      changes: total,
      observed: latencies.length,
      missed: total - latencies.length - writeErrors,
      writeErrors,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: Math.max(...latencies),
      cpuMsPer1000: (busyCpuMs / Math.max(1, latencies.length)) * 1000,
      idleCpuPct: idleCpuPerMs * 100,
      leased: leased.rows[0]!.n,
      leaseHolders: leased.rows[0]!.workers,
      errorLines,
    };
  } finally {
    await Promise.all(children.map((c) => stopWorker(c)));
    await db.disconnectDb().catch(() => {});
    await client.end().catch(() => {});
    await sim.close();
  }
}

export async function benchLiveMemory(clusters: number, objectsEach: number) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const sim = await startSimChild(objectsEach, clusters, 3000);
  const { watchCluster } = await import("@bulwark/k8s");
  const { judgeFull } = await import("@bulwark/rules");
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const rss0 = process.memoryUsage.rss();
  const kept: unknown[] = [];
  const watches = [];
  try {
    for (const kc of sim.kubeconfigs) {
      const w = watchCluster(kc, { allowPrivateNetworks: true, onChanges: () => {} });
      watches.push(w);
      await w.synced;
      kept.push(judgeFull(w.snapshot(), {}).judge);
    }
    const after = heap();
    const objects = watches.reduce((s, w) => s + w.stats().objects, 0);
    return {
      clusters,
      objects,
      heapMbPerCluster: (after - before) / clusters / 2 ** 20,
      rssMbPerCluster: (process.memoryUsage.rss() - rss0) / clusters / 2 ** 20,
      kept: kept.length,
    };
  } finally {
    await Promise.all(watches.map((w) => w.stop()));
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, ...a] = process.argv.slice(2);
  const r =
    mode === "memory"
      ? await benchLiveMemory(Number(a[0] ?? 3), Number(a[1] ?? 10_000))
      : await benchLiveLatency(Number(a[0] ?? 50), Number(a[1] ?? 300), Number(a[2] ?? 2), Number(a[3] ?? 5), Number(a[4] ?? 60));
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
