// 50 scheduled scans at once on 2 worker processes (apps/worker/src/main.ts, the production entry
// point): 50 small kube-sim clusters, one scheduled-scan job each (no Scan row: the worker creates
// it, as for a scheduler firing), all enqueued together. Counts scans that finished and error lines
// in the workers' logs (Postgres/Redis connection errors, failed jobs). Prints one JSON line.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { stopChild } from "@bulwark/k8s/testing";
import { benchDatabaseUrl, benchWorkerEnv, createBenchClusters, sleep, spawnWorker, startSimChild } from "./lib";

const ERROR_LINE = /error|failed|ECONN|timeout|too many clients|terminat/i;

export async function benchConcurrency(clusters: number, objectsEach: number, workers: number) {
  const secret = randomBytes(32).toString("base64");
  const env = benchWorkerEnv(secret);
  Object.assign(process.env, env);
  const sim = await startSimChild(objectsEach, clusters, 1000);
  const db = await import("@bulwark/db");
  const jobs = await import("@bulwark/jobs");
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  const children: ChildProcess[] = [];
  const logs: string[][] = [];
  try {
    for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true });
    const { orgId, clusterIds: ids } = await createBenchClusters(secret, sim.kubeconfigs.slice(0, clusters), "conc");

    for (let i = 0; i < workers; i++) {
      const { child, lines, ready } = spawnWorker(env, `bench-w${i}`);
      logs.push(lines);
      children.push(child);
      await ready;
    }

    const t0 = performance.now();
    const queue = jobs.getQueue(jobs.QUEUE_SCAN);
    // What a scheduler firing adds: a scheduled-scan job without a Scan row.
    await queue.addBulk(ids.map((clusterId) => ({ name: jobs.SCHEDULED_SCAN_JOB_NAME, data: { orgId: orgId, clusterId, trigger: "schedule" as const } })));
    const deadline = Date.now() + 10 * 60_000;
    let done = 0;
    let failed = 0;
    for (;;) {
      const r = await client.query<{ done: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE status IN ('succeeded','partial'))::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM "Scan" WHERE "clusterId" = ANY($1::text[])`,
        [ids],
      );
      ({ done, failed } = r.rows[0]!);
      if (done + failed >= clusters || Date.now() > deadline || children.every((c) => c.exitCode !== null)) break;
      await sleep(200);
    }
    const wallMs = performance.now() - t0;
    const scans = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Scan" WHERE "clusterId" = ANY($1::text[])`, [ids]);
    await Promise.all(children.map((c) => stopWorker(c)));
    const errors = logs.flat().filter((l) => ERROR_LINE.test(l));
    if (errors.length) process.stderr.write(`concurrency: ${errors.length} error lines, first: ${errors.slice(0, 3).join(" | ")}\n`);
    return { clusters, completed: done, failed, scans: scans.rows[0]!.n, errorLines: errors.length, wallMs, scansPerMin: done / (wallMs / 60_000) };
  } finally {
    await Promise.all(children.map((c) => stopWorker(c)));
    for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true }).catch(() => {});
    await jobs.closeQueues().catch(() => {});
    await db.disconnectDb().catch(() => {});
    await client.end().catch(() => {});
    await sim.close();
  }
}

// SIGTERM lets a worker finish its job and close its connections, as in a rolling deploy.
const stopWorker = (c: ChildProcess) => stopChild(c, (x) => x.kill("SIGTERM"), 15_000);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchConcurrency(Number(process.argv[2] ?? 50), Number(process.argv[3] ?? 200), Number(process.argv[4] ?? 2));
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
