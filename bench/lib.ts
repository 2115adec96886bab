// Shared pieces of the database-backed benchmarks: the bench database, kube-sim in a child process
// (so the measured process's CPU and RSS are the worker's alone), row-write counting and VmHWM.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startChildServer } from "@bulwark/k8s/testing";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// BENCH_QUEUE_PREFIX lets two bench runs share one Redis.
export const BENCH_PREFIX = process.env.BENCH_QUEUE_PREFIX ?? "bulwark-bench";

/** The bench database URL, set by run.ts (it creates and migrates it). */
export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL is not set: run the benchmarks through `npm run bench`");
  return url;
}

/**
 * What a bench worker runs with: the bench database, its own queue prefix on Redis, and private
 * networks allowed (kube-sim listens on loopback).
 */
export function benchWorkerEnv(secretKey: string): Record<string, string> {
  return {
    DATABASE_URL: benchDatabaseUrl(),
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    BULWARK_QUEUE_BACKEND: "redis",
    BULWARK_QUEUE_PREFIX: BENCH_PREFIX,
    BULWARK_SECRET_KEY: secretKey,
    BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
    // Scan, report and queue benches measure scans alone; live.bench.ts turns continuous mode on.
    WORKER_CONTINUOUS: "off",
  };
}

/** Peak resident set size of this process so far (Linux VmHWM), in MiB; falls back to current RSS. */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage.rss() / 2 ** 20;
}

export interface SimChild {
  kubeconfigs: string[];
  objects: number[];
  close(): Promise<void>;
}

/** Starts `count` kube-sim servers of `n` generated objects each in a child process. */
export async function startSimChild(n: number, count = 1, seed = 42): Promise<SimChild> {
  const server = await startChildServer<{ kubeconfigs: string[]; objects: number[] }>(
    path.join(ROOT, "bench", "sim-server.ts"),
    [String(n), String(count), String(seed)],
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" }, name: "kube-sim child" },
  );
  return { ...server.ready, close: server.close };
}

/**
 * Counts row versions written (inserted or updated) in the bench database since a marker, using
 * xmin: every INSERT or UPDATE creates a tuple whose xmin is its transaction id. Exact, unlike
 * pg_stat_user_tables, whose counters are flushed lazily by other backends.
 */
export class RowWriteCounter {
  constructor(private readonly client: pg.Client) {}

  async mark(): Promise<bigint> {
    const r = await this.client.query<{ x: string }>("SELECT (txid_current() % 4294967296)::text AS x");
    return BigInt(r.rows[0]!.x);
  }

  async since(marker: bigint): Promise<{ total: number; byTable: Record<string, number> }> {
    const tables = await this.client.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_prisma%' AND tablename NOT LIKE 'bench\\_%'`,
    );
    const byTable: Record<string, number> = {};
    let total = 0;
    for (const { t } of tables.rows) {
      const r = await this.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}" WHERE xmin::text::bigint > $1`, [marker.toString()]);
      const n = r.rows[0]!.n;
      if (n) byTable[t] = n;
      total += n;
    }
    return { total, byTable };
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts apps/worker/src/main.ts (the production entry point) as a child and collects its log
 * lines (stdout and stderr, each also passed to `onLine`); `ready` settles once the worker says it
 * started, or exits.
 */
export function spawnWorker(env: Record<string, string>, workerId: string, onLine?: (line: string) => void): { child: ChildProcess; lines: string[]; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/worker/src/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env, WORKER_ID: workerId },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let started!: () => void;
  const ready = new Promise<void>((r) => (started = r));
  for (const s of [child.stdout!, child.stderr!]) {
    let buf = "";
    s.on("data", (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split("\n");
      buf = parts.pop()!;
      for (const l of parts) {
        lines.push(l);
        onLine?.(l);
        if (l.includes("worker started")) started();
      }
    });
  }
  child.once("exit", () => started());
  return { child, lines, ready };
}

/**
 * A fresh organization with one cluster per kubeconfig (credentials encrypted as the web app
 * stores them); returns the organization and the cluster ids in kubeconfig order.
 */
export async function createBenchClusters(secretKey: string, kubeconfigs: readonly string[], label: string): Promise<{ orgId: string; clusterIds: string[] }> {
  const db = await import("@bulwark/db");
  const security = await import("@bulwark/security");
  const tag = `${process.pid}-${Date.now()}`;
  const { user, org } = await db.createUserWithOrganization({ email: `${label}-${tag}@example.com`, passwordHash: null, orgName: `${label} ${tag}` });
  const keyring = security.parseKeyring(secretKey);
  const clusterIds: string[] = [];
  for (let i = 0; i < kubeconfigs.length; i++) {
    const { ciphertext, keyId } = security.encryptCredential(kubeconfigs[i]!, keyring);
    const c = await db.createCluster({ orgId: org.id, actorId: user.id, name: `${label}-${i}`, server: "https://127.0.0.1", credentialCipher: ciphertext, credentialKeyId: keyId });
    clusterIds.push(c.id);
  }
  return { orgId: org.id, clusterIds };
}
