// Shared pieces of the reliability suite: private Redis and Postgres instances (so restarting them
// never disturbs the machine's shared services), worker child processes, polling, and the checks
// every fault scenario ends with.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { spawnWorker } from "../bench/lib";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const QUICK = process.env.RELIABILITY_QUICK === "1";
export const REDIS_PORT = Number(process.env.RELIABILITY_REDIS_PORT ?? 17379);
export const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 17432);
export const PG_BIN = process.env.RELIABILITY_PG_BIN ?? "/usr/lib/postgresql/15/bin";
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
export const pgUrl = (db: string) => `postgresql://postgres@127.0.0.1:${PG_PORT}/${db}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const log = (msg: string) => process.stderr.write(`[reliability ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e; // a restarting service: keep polling
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${(lastErr as Error).message})` : ""}`);
    await sleep(everyMs);
  }
}

function exited(c: ChildProcess): Promise<void> {
  return c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once("exit", () => r()));
}

/** Refuses to start when something already listens on the port (e.g. another run of the suite). */
export async function assertPortFree(port: number): Promise<void> {
  const net = await import("node:net");
  const inUse = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use: is another reliability run going? (RELIABILITY_REDIS_PORT / RELIABILITY_PG_PORT change the ports)`);
}

/** A private redis-server on its own port, without persistence (a restart loses every key). */
export class PrivateRedis {
  child?: ChildProcess;
  private started = false;
  async start(): Promise<void> {
    if (!this.started) await assertPortFree(REDIS_PORT);
    this.started = true;
    this.child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--maxclients", "2000"], { stdio: "ignore" });
    const { Redis } = await import("ioredis");
    await waitFor("private redis", async () => {
      const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on("error", () => {});
      try {
        await r.connect();
        return (await r.ping()) === "PONG";
      } finally {
        r.disconnect();
      }
    }, 10_000);
  }
  /** SIGKILL: what a crash or an OOM kill does. */
  async kill(): Promise<void> {
    const c = this.child;
    if (!c) return;
    c.kill("SIGKILL");
    await exited(c);
    this.child = undefined;
  }
  async restart(downMs: number): Promise<void> {
    await this.kill();
    await sleep(downMs);
    await this.start();
  }
  async stop(): Promise<void> {
    const c = this.child;
    if (!c) return;
    c.kill("SIGTERM");
    await Promise.race([exited(c), sleep(5000)]);
    if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    this.child = undefined;
  }
}

/** A private Postgres cluster in a temp dir, run as the postgres OS user (initdb refuses root). */
export class PrivatePostgres {
  dir = "";
  child?: ChildProcess;
  output: string[] = [];
  private asPostgres(cmd: string, args: string[]): string[] {
    return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", cmd, ...args] : [cmd, ...args];
  }
  async init(): Promise<void> {
    await assertPortFree(PG_PORT);
    this.dir = mkdtempSync(path.join(tmpdir(), "rel-pg-"));
    if (process.getuid?.() === 0) {
      const uid = Number(spawnSync("id", ["-u", "postgres"]).stdout.toString().trim());
      const gid = Number(spawnSync("id", ["-g", "postgres"]).stdout.toString().trim());
      chownSync(this.dir, uid, gid);
    }
    const [cmd, ...args] = this.asPostgres(path.join(PG_BIN, "initdb"), ["-D", path.join(this.dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    const r = spawnSync(cmd!, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
    await this.start();
  }
  async start(): Promise<void> {
    const [cmd, ...args] = this.asPostgres(path.join(PG_BIN, "postgres"), [
      "-D", path.join(this.dir, "data"), "-p", String(PG_PORT), "-k", this.dir, "-c", "listen_addresses=127.0.0.1",
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=256MB",
    ]);
    this.child = spawn(cmd!, args, { stdio: ["ignore", "pipe", "pipe"] });
    for (const s of [this.child.stdout!, this.child.stderr!]) s.on("data", (d: Buffer) => this.output.push(d.toString()));
    await waitFor("private postgres", async () => {
      const c = new pg.Client({ connectionString: pgUrl("postgres") });
      try {
        await c.connect();
        await c.query("SELECT 1");
        return true;
      } finally {
        await c.end().catch(() => {});
      }
    }, 30_000);
  }
  /** Immediate shutdown (SIGQUIT to the postmaster): every backend dies, crash recovery on start. */
  async crash(): Promise<void> {
    const c = this.child;
    if (!c) return;
    // Signal the postmaster itself (runuser sits in between).
    this.signalPostmaster("SIGQUIT");
    await Promise.race([exited(c), sleep(10_000)]);
    this.child = undefined;
    // runuser may exit before postgres: wait for the port to be free.
    await waitFor("postgres to be down", async () => {
      const cl = new pg.Client({ connectionString: pgUrl("postgres"), connectionTimeoutMillis: 500 });
      try {
        await cl.connect();
        await cl.end();
        return false;
      } catch {
        return true;
      }
    }, 15_000);
  }
  private signalPostmaster(sig: NodeJS.Signals): void {
    try {
      const pid = Number(readFileSync(path.join(this.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, sig);
    } catch {
      this.child?.kill(sig);
    }
  }
  async restart(downMs: number): Promise<void> {
    await this.crash();
    await sleep(downMs);
    await this.start();
  }
  async stop(): Promise<void> {
    const c = this.child;
    if (c) {
      this.signalPostmaster("SIGINT");
      await Promise.race([exited(c), sleep(10_000)]);
      this.child = undefined;
    }
    if (this.dir) {
      await sleep(500);
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
  dump(db: string): string {
    const [cmd, ...args] = this.asPostgres(path.join(PG_BIN, "pg_dump"), ["-h", "127.0.0.1", "-p", String(PG_PORT), "-U", "postgres", "--data-only", db]);
    const r = spawnSync(cmd!, args, { encoding: "utf8", maxBuffer: 2 * 1024 ** 3 });
    if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr}`);
    return r.stdout;
  }
}

export async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: pgUrl("postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const { deployMigrations } = await import("../scripts/db-migrate");
  await deployMigrations(pgUrl(name));
  return pgUrl(name);
}

/** One short-lived connection per query: survives the server restarting between calls. */
export async function q<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  c.on("error", () => {});
  await c.connect();
  try {
    return (await c.query<R>(sql, params)).rows;
  } finally {
    await c.end().catch(() => {});
  }
}

export interface WorkerChild {
  child: ChildProcess;
  lines: string[];
  name: string;
  peakRssMb: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

const allLogs: string[] = [];
/** Every line every worker child printed, for the secret scan. */
export const workerLogs = () => allLogs;

/** Starts apps/worker/src/main.ts (the production entry point) as a child; resolves once it says it started. */
export async function startWorker(env: Record<string, string>, name: string): Promise<WorkerChild> {
  const { child, lines, ready } = spawnWorker(env, name, (l) => allLogs.push(l));
  const w: WorkerChild = {
    child,
    lines,
    name,
    peakRssMb: 0,
    async kill(signal = "SIGKILL") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await Promise.race([exited(child), sleep(20_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited(child);
      }
    },
  };
  const rssTimer = setInterval(() => {
    w.peakRssMb = Math.max(w.peakRssMb, rssMb(child.pid));
  }, 250);
  rssTimer.unref();
  child.once("exit", () => clearInterval(rssTimer));
  await Promise.race([ready, sleep(60_000)]);
  if (child.exitCode !== null) throw new Error(`worker ${name} exited at start: ${lines.slice(-5).join(" | ")}`);
  return w;
}

/** Current resident set of a process in MiB (0 when gone). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function p95(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

export function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}
