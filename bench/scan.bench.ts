// End-to-end scan through the real worker: kube-sim (child process) -> BullMQ job on real Redis ->
// startWorker's scan processor (read over HTTPS, parse, judge, store, summaries) -> Postgres.
// Measures the first scan of a fresh cluster and an unchanged rescan in this process, so CPU time
// and peak RSS (VmHWM) are the worker's own. Prints one JSON line.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateCluster } from "@bulwark/kube-sim";
import { RowWriteCounter, benchDatabaseUrl, benchWorkerEnv, peakRssMb, sleep, startSimChild } from "./lib";

export async function benchScan(n: number, opts: { rescan: boolean }) {
  const secret = randomBytes(32).toString("base64");
  Object.assign(process.env, { ...benchWorkerEnv(secret), WORKER_CONCURRENCY: "1" });
  const sim = await startSimChild(n, 1, 42);
  const db = await import("@bulwark/db");
  const jobs = await import("@bulwark/jobs");
  const security = await import("@bulwark/security");
  const w = await import("@bulwark/worker");
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  let worker: Awaited<ReturnType<typeof w.startWorker>> | undefined;
  try {
    for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true });
    const tag = `${process.pid}-${Date.now()}`;
    const { user, org } = await db.createUserWithOrganization({ email: `bench-${tag}@example.com`, passwordHash: null, orgName: `Bench ${tag}` });
    const { ciphertext, keyId } = security.encryptCredential(sim.kubeconfigs[0]!, security.parseKeyring(secret));
    const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: `bench-${n}`, server: "https://127.0.0.1", credentialCipher: ciphertext, credentialKeyId: keyId });
    worker = await w.startWorker(w.workerEnv());
    const counter = new RowWriteCounter(client);

    const scanOnce = async () => {
      const marker = await counter.mark();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const scan = await db.createScan({ orgId: org.id, clusterId: cluster.id, trigger: "manual", actorId: user.id });
      await jobs.enqueueScan({ orgId: org.id, clusterId: cluster.id, scanId: scan.id, trigger: "manual" });
      let row: { status: string; objectCount: number | null; newCount: number | null; error: string | null } | undefined;
      for (;;) {
        const r = await client.query(`SELECT status::text AS status, phase, "objectCount", "newCount", error FROM "Scan" WHERE id = $1`, [scan.id]);
        row = r.rows[0];
        if (process.env.BENCH_TRACE) {
          const m = process.memoryUsage();
          process.stderr.write(`trace ${Math.round(performance.now() - t0)}ms phase=${r.rows[0]?.phase} rss=${Math.round(m.rss / 2 ** 20)} heap=${Math.round(m.heapUsed / 2 ** 20)} ext=${Math.round(m.external / 2 ** 20)} ab=${Math.round(m.arrayBuffers / 2 ** 20)}\n`);
        }
        if (row && ["succeeded", "partial", "failed"].includes(row.status)) break;
        await sleep(process.env.BENCH_TRACE ? 500 : 20);
      }
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (row.status === "failed") throw new Error(`scan failed: ${row.error}`);
      const rows = await counter.since(marker);
      return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, objects: row.objectCount ?? 0, newFindings: row.newCount ?? 0, rowsWritten: rows.total, byTable: rows.byTable };
    };

    const first = await scanOnce();
    const rssMb = peakRssMb();
    const second = opts.rescan ? await scanOnce() : undefined;
    // Baseline for the machine: JSON.parse of the same objects, as the reader receives them.
    const json = generateCluster({ objects: n, seed: 42 }).map((o) => JSON.stringify(o));
    const tp = performance.now();
    for (const s of json) JSON.parse(s);
    const parseMs = performance.now() - tp;
    process.stderr.write(`scan ${n}: first ${JSON.stringify(first.byTable)}${second ? `; rescan ${JSON.stringify(second.byTable)}` : ""}\n`);
    return {
      objects: first.objects,
      findings: first.newFindings,
      wallMs: first.wallMs,
      cpuMs: first.cpuMs,
      peakRssMb: rssMb,
      parseMs,
      rowsFirst: first.rowsWritten,
      ...(second ? { rescanWallMs: second.wallMs, rescanCpuMs: second.cpuMs, rowsRescan: second.rowsWritten, rescanRowRatio: second.rowsWritten / first.rowsWritten } : {}),
    };
  } finally {
    await worker?.close().catch(() => {});
    for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true }).catch(() => {});
    await jobs.closeQueues().catch(() => {});
    await db.disconnectDb().catch(() => {});
    await client.end().catch(() => {});
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10_000);
  const r = await benchScan(n, { rescan: process.argv[3] !== "no-rescan" });
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
