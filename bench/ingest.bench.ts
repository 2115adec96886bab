// First-scan findings ingestion (recordScanResults) against the raw COPY rate of the same rows on
// the same database. The findings are the full catalog's verdicts on a generated cluster. COPY
// writes the same Finding and ClusterObject rows (same tables, indexes and foreign keys) for a
// sibling cluster, serialisation included, in one transaction. Prints one JSON line.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { generateCluster } from "@bulwark/kube-sim";
import { evaluate, type Finding, type KubeObject, type Snapshot } from "@bulwark/rules";
import { benchDatabaseUrl } from "./lib";

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
function field(v: string | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  return v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

async function copyRows(client: pg.Client, table: string, columns: string[], lines: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(lines), stream);
}

export async function benchIngest(n: number) {
  process.env.DATABASE_URL = benchDatabaseUrl();
  const db = await import("@bulwark/db");
  const objects = generateCluster({ objects: n, seed: 42 });
  const snapshot: Snapshot = { source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" };
  const result = evaluate(snapshot);
  const findings = [...new Map(result.findings.map((f) => [f.fingerprint, f])).values()];

  const tag = `${process.pid}-${Date.now()}`;
  const { user, org } = await db.createUserWithOrganization({ email: `ingest-${tag}@example.com`, passwordHash: null, orgName: `Ingest ${tag}` });
  const mk = (name: string) => db.createCluster({ orgId: org.id, actorId: user.id, name, server: "https://127.0.0.1", credentialCipher: "x", credentialKeyId: "x" });
  const [a, b] = [await mk("ingest"), await mk("copy")];
  const scanA = await db.createScan({ orgId: org.id, clusterId: a.id, trigger: "manual" });
  const scanB = await db.createScan({ orgId: org.id, clusterId: b.id, trigger: "manual" });
  await db.claimScan({ orgId: org.id, scanId: scanA.id, workerId: "bench" });

  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  // The product's ingestion first: a cold first write then falls on it, not on the baseline.
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  const out = await db.recordScanResults({ orgId: org.id, scanId: scanA.id, workerId: "bench", result, kinds: [], objects, kubeVersion: "1.29" });
  const ingestMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu1);
  if (!out) throw new Error("recordScanResults recorded nothing");
  const ingestRows = out.stats.inserted + out.stats.objectsWritten;

  // Baseline: COPY of the same rows for the sibling cluster.
  const t0 = performance.now();
  const now = new Date().toISOString();
  await client.query("BEGIN");
  let seq = 0;
  const id = () => `cbench${tag}${(seq++).toString(36)}`;
  function* findingLines(fs: readonly Finding[]) {
    for (const f of fs) {
      yield [
        id(), org.id, b.id, f.fingerprint, f.ruleId, f.severity, f.exception ? "excepted" : "open", f.object.apiVersion, f.object.kind,
        f.object.namespace ?? null, f.object.name, f.object.uid ?? null, f.path, f.observed ?? null, f.message, f.remediation,
        f.fix ? JSON.stringify(f.fix) : null, scanB.id, scanB.id, now, now, now,
      ].map(field).join("\t") + "\n";
    }
  }
  await copyRows(
    client,
    "Finding",
    ["id", "orgId", "clusterId", "fingerprint", "ruleId", "severity", "status", "apiVersion", "kind", "namespace", "name", "uid", "path", "observed", "message", "remediation", "fix", "firstSeenScanId", "lastSeenScanId", "firstSeenAt", "lastSeenAt", "updatedAt"],
    findingLines(findings),
  );
  const wanted = new Set(findings.map((f) => db.objectKey(f.object)));
  const withFindings: KubeObject[] = objects.filter((o) => wanted.has(db.objectKey({ uid: o.metadata.uid, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? "" })));
  function* objectLines() {
    for (const o of withFindings) {
      const manifest = JSON.stringify(db.sanitizeManifest(o));
      const key = db.objectKey({ uid: o.metadata.uid, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? "" });
      const hash = createHash("sha256").update(manifest).digest("hex").slice(0, 40);
      yield [id(), org.id, b.id, key, o.apiVersion, o.kind, o.metadata.namespace ?? null, o.metadata.name ?? "", hash, manifest, scanB.id, now].map(field).join("\t") + "\n";
    }
  }
  await copyRows(client, "ClusterObject", ["id", "orgId", "clusterId", "key", "apiVersion", "kind", "namespace", "name", "hash", "manifest", "lastSeenScanId", "updatedAt"], objectLines());
  await client.query("COMMIT");
  const copyMs = performance.now() - t0;
  const copyRowsN = findings.length + withFindings.length;

  await client.query(`DELETE FROM "Cluster" WHERE id = $1`, [b.id]);
  await client.end();
  await db.disconnectDb();
  return {
    findings: out.stats.inserted,
    objectsWritten: out.stats.objectsWritten,
    ingestMs,
    ingestCpuMs: (cpu.user + cpu.system) / 1000,
    copyMs,
    ingestRowsPerSec: ingestRows / (ingestMs / 1000),
    copyRowsPerSec: copyRowsN / (copyMs / 1000),
    rateVsCopy: ingestRows / (ingestMs / 1000) / (copyRowsN / (copyMs / 1000)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchIngest(Number(process.argv[2] ?? 10_000));
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
