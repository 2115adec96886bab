// One framework report over `clusters` clusters of the seeded fleet (seed-pages.ts), generated
// through the worker's real code path: a Report row (createReport), a BullMQ job (enqueueReport)
// and startWorker's report processor (judge the framework over the clusters, list every finding
// behind its rules, render JSON, CSV and the complete PDF, sign and store each with its checksum).
// Wall time is from enqueueing to the row turning succeeded; peak RSS is this process's VmHWM,
// which is the worker's own. Prints one JSON line.
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { benchDatabaseUrl, benchWorkerEnv, peakRssMb, sleep } from "./lib";

export async function benchReport(clusterCount: number, framework: string) {
  Object.assign(process.env, benchWorkerEnv(randomBytes(32).toString("base64")));
  const db = await import("@bulwark/db");
  const jobs = await import("@bulwark/jobs");
  const w = await import("@bulwark/worker");
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  let worker: Awaited<ReturnType<typeof w.startWorker>> | undefined;
  try {
    await jobs.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true });
    const org = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug = 'bench-fleet'`);
    const orgId = org.rows[0]?.id;
    if (!orgId) throw new Error("the fleet is not seeded (seed-pages.ts)");
    const ids = (await client.query<{ id: string }>(`SELECT id FROM "Cluster" WHERE "orgId" = $1 ORDER BY name LIMIT $2`, [orgId, clusterCount])).rows.map((r) => r.id);
    // Each run is a fresh worker with a fresh BULWARK_SECRET_KEY: the organization's report signing
    // key sealed by an earlier run's keyring is dropped, so this run creates (and measures) its own.
    await client.query(`UPDATE "Organization" SET "reportSigningKeyCipher" = NULL, "reportSigningPublicKey" = NULL, "reportSigningKeyId" = NULL WHERE id = $1`, [orgId]);
    worker = await w.startWorker(w.workerEnv());
    const baseRssMb = peakRssMb();
    const report = await db.createReport({ orgId, framework, clusterIds: ids });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await jobs.enqueueReport({ orgId, reportId: report.id });
    let row: { status: string; error: string | null; pdf: number | null; json: number | null; csv: number | null; findings: number | null };
    for (;;) {
      const r = await client.query(
        `SELECT status::text AS status, error, octet_length(pdf) AS pdf, octet_length(json) AS json, octet_length(csv) AS csv,
                ((summary->'findings'->>'open')::int + (summary->'findings'->>'excepted')::int + (summary->'findings'->>'expected')::int) AS findings
         FROM "Report" WHERE id = $1`,
        [report.id],
      );
      row = r.rows[0];
      if (row.status === "succeeded" || row.status === "failed") break;
      if (performance.now() - t0 > 600_000) throw new Error("report did not finish within 10 minutes");
      await sleep(25);
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (row.status === "failed") throw new Error(`report failed: ${row.error}`);
    // The PDF's page count from its page tree, read in Postgres (this process is the measured worker).
    const pages = (await client.query<{ pages: number | null }>(`SELECT (regexp_match(encode(pdf, 'escape'), '/Type /Pages\\s*/Count (\\d+)'))[1]::int AS pages FROM "Report" WHERE id = $1`, [report.id])).rows[0]?.pages ?? 0;
    await client.query(`DELETE FROM "Report" WHERE id = $1`, [report.id]);
    return {
      clusters: ids.length,
      findings: row.findings ?? 0,
      pdfPages: pages,
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssMb: peakRssMb(),
      baseRssMb,
      pdfKiB: (row.pdf ?? 0) / 1024,
      jsonKiB: (row.json ?? 0) / 1024,
      csvKiB: (row.csv ?? 0) / 1024,
    };
  } finally {
    await worker?.close().catch(() => {});
    await jobs.getQueue(jobs.QUEUE_REPORT).obliterate({ force: true }).catch(() => {});
    await jobs.closeQueues().catch(() => {});
    await db.disconnectDb().catch(() => {});
    await client.end().catch(() => {});
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchReport(Number(process.argv[2] ?? 50), process.argv[3] ?? "hipaa");
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
