// The fault scenarios' common ground: one organization in the private database, clusters backed by
// kube-sim, worker child processes, and the end-of-scenario checks (terminal scans with reasons,
// findings equal to a clean read of the same snapshot, no duplicates, no false "resolved", the
// queue drained).
import { randomBytes } from "node:crypto";
import type { KubeObject, KubeSim } from "@bulwark/kube-sim";
import { REDIS_URL, log, q, sleep, startWorker, waitFor, type WorkerChild } from "./lib";

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type K8s = typeof import("@bulwark/k8s");
type Security = typeof import("@bulwark/security");
type Rules = typeof import("@bulwark/rules");
type Sim = typeof import("@bulwark/kube-sim");

export const TERMINAL = ["succeeded", "partial", "failed"];

/** Values planted in every simulated cluster; none may ever be stored, queued, logged or reported. */
export const CANARY = (process.env.RELIABILITY_CANARY ||= `relcanary${randomBytes(8).toString("hex")}`);
export const CANARY_B64 = Buffer.from(CANARY).toString("base64");

export function plantSecrets(objects: KubeObject[]): KubeObject[] {
  return [
    ...objects,
    { apiVersion: "v1", kind: "Secret", metadata: { name: "rel-planted", namespace: "default" }, type: "Opaque", data: { password: CANARY_B64, token: Buffer.from(`${CANARY}-token`).toString("base64") } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "rel-planted-config", namespace: "default" }, data: { DB_PASSWORD: `${CANARY}-cm`, "application.properties": `spring.datasource.password=${CANARY}-props\n` } },
  ] as KubeObject[];
}

export interface ScanRow {
  id: string;
  clusterId: string;
  status: string;
  error: string | null;
  attempts: number;
}

export class Harness {
  db!: Db;
  jobs!: Jobs;
  k8s!: K8s;
  security!: Security;
  rules!: Rules;
  sim!: Sim;
  orgId = "";
  userId = "";
  workers: WorkerChild[] = [];
  private workerSeq = 0;
  private expectedCache = new Map<string, Set<string>>();

  constructor(
    readonly dbUrl: string,
    readonly prefix: string,
    readonly secretKey: string,
  ) {}

  workerEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.dbUrl,
      REDIS_URL,
      BULWARK_QUEUE_BACKEND: "redis",
      BULWARK_QUEUE_PREFIX: this.prefix,
      BULWARK_SECRET_KEY: this.secretKey,
      BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
      WORKER_LOCK_MS: "5000",
      WORKER_STALE_MS: "6000",
      WORKER_RECOVER_EVERY_MS: "1000",
      WORKER_CONCURRENCY: "2",
      WORKER_SCAN_DEADLINE_MS: "45000",
      // The fault rows judge scans alone (findings only from a scan that succeeded); the
      // continuous section turns continuous mode on for its own workers.
      WORKER_CONTINUOUS: "off",
      ...extra,
    };
  }

  async init(orgName: string): Promise<void> {
    Object.assign(process.env, { DATABASE_URL: this.dbUrl, REDIS_URL, BULWARK_QUEUE_BACKEND: "redis", BULWARK_QUEUE_PREFIX: this.prefix, BULWARK_SECRET_KEY: this.secretKey });
    this.db = await import("@bulwark/db");
    this.jobs = await import("@bulwark/jobs");
    this.k8s = await import("@bulwark/k8s");
    this.security = await import("@bulwark/security");
    this.rules = await import("@bulwark/rules");
    this.sim = await import("@bulwark/kube-sim");
    const tag = randomBytes(4).toString("hex");
    const { user, org } = await this.db.createUserWithOrganization({ email: `rel-${tag}@example.com`, passwordHash: null, orgName: `${orgName} ${tag}` });
    this.orgId = org.id;
    this.userId = user.id;
    await this.db.disconnectDb();
  }

  async startWorkers(n: number, extra: Record<string, string> = {}): Promise<WorkerChild[]> {
    const started: WorkerChild[] = [];
    for (let i = 0; i < n; i++) {
      const w = await startWorker(this.workerEnv(extra), `rel-w${++this.workerSeq}`);
      this.workers.push(w);
      started.push(w);
    }
    return started;
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
    this.workers = [];
  }

  async addCluster(name: string, kubeconfig: string): Promise<string> {
    const { ciphertext, keyId } = this.security.encryptCredential(kubeconfig, this.security.parseKeyring(this.secretKey));
    try {
      const c = await this.db.createCluster({ orgId: this.orgId, actorId: this.userId, name: `${name}-${randomBytes(3).toString("hex")}`, server: "https://127.0.0.1", credentialCipher: ciphertext, credentialKeyId: keyId });
      return c.id;
    } finally {
      await this.db.disconnectDb();
    }
  }

  /** A requested scan, as the web app creates it: the Scan row, then the job. */
  async requestScan(clusterId: string): Promise<string> {
    try {
      const scan = await this.db.createScan({ orgId: this.orgId, clusterId, trigger: "manual", actorId: this.userId });
      const backlog = (await this.db.countQueuedScans({ orgId: this.orgId })) - 1;
      await this.jobs.enqueueScan({ orgId: this.orgId, clusterId, scanId: scan.id, trigger: "manual" }, { backlog });
      return scan.id;
    } finally {
      await this.db.disconnectDb();
    }
  }

  /** What a scheduler firing enqueues: a scheduled-scan job without a Scan row. */
  async fireScheduler(clusterId: string): Promise<void> {
    await this.queue().add(this.jobs.SCHEDULED_SCAN_JOB_NAME, { orgId: this.orgId, clusterId, trigger: "schedule" });
  }

  /** The fingerprints a clean read of the simulated cluster yields (computed once per cluster). */
  async expected(sim: KubeSim, key: string): Promise<Set<string>> {
    const hit = this.expectedCache.get(key);
    if (hit) return hit;
    const snap = await this.k8s.readCluster(sim.kubeconfig({ identity: "admin" }), { allowPrivateNetworks: true });
    const res = this.rules.evaluate(snap, { clusterName: "x" });
    const set = new Set(res.findings.filter((f) => !f.exception).map((f) => f.fingerprint));
    this.expectedCache.set(key, set);
    return set;
  }

  async scans(clusterIds: string[]): Promise<ScanRow[]> {
    return q<ScanRow>(this.dbUrl, `SELECT id, "clusterId", status::text AS status, error, attempts FROM "Scan" WHERE "clusterId" = ANY($1::text[]) AND trigger <> 'live' ORDER BY "createdAt"`, [clusterIds]);
  }

  async waitTerminal(clusterIds: string[], timeoutMs: number): Promise<{ rows: ScanRow[]; timedOut: boolean }> {
    try {
      const rows = await waitFor("scans to finish", async () => {
        const rows = await this.scans(clusterIds);
        return rows.length && rows.every((r) => TERMINAL.includes(r.status)) ? rows : null;
      }, timeoutMs, 300);
      return { rows, timedOut: false };
    } catch {
      return { rows: await this.scans(clusterIds).catch(() => []), timedOut: true };
    }
  }

  async queueDrained(timeoutMs = 20_000): Promise<boolean> {
    const queue = this.queue();
    try {
      await waitFor("the scan queue to drain", async () => {
        const c = await queue.getJobCounts("waiting", "active", "prioritized", "waiting-children");
        if (!Object.values(c).every((n) => n === 0)) return false;
        // Delayed jobs of the clusters' recurring schedules (ids "repeat:...") are not work left over.
        const delayed = await queue.getJobs(["delayed"], 0, 1000);
        return delayed.every((j) => String(j.id).startsWith("repeat:"));
      }, timeoutMs, 300);
      return true;
    } catch {
      return false;
    }
  }

  queue() {
    const queue = this.jobs.getQueue(this.jobs.QUEUE_SCAN);
    // The runner's own connection sees Redis restarts too: BullMQ reconnects; don't print each try.
    if (!queue.listenerCount("error")) queue.on("error", () => {});
    return queue;
  }

  async clearQueues(): Promise<void> {
    for (const name of [this.jobs.QUEUE_SCAN, this.jobs.QUEUE_CONNECTION]) await this.jobs.getQueue(name).obliterate({ force: true }).catch(() => {});
  }

  /**
   * The end-of-scenario checks. `expected` per cluster: the clean fingerprint set. Returns the
   * problems found (empty = survived).
   */
  async check(expected: Map<string, Set<string>>, opts: { timeoutMs?: number; allowFailed?: boolean; mustFail?: RegExp } = {}): Promise<string[]> {
    const problems: string[] = [];
    const ids = [...expected.keys()];
    const { rows, timedOut } = await this.waitTerminal(ids, opts.timeoutMs ?? 120_000);
    if (timedOut) problems.push(`scans not finished: ${rows.filter((r) => !TERMINAL.includes(r.status)).map((r) => `${r.id.slice(-6)}=${r.status}`).join(", ") || "none created"}`);
    for (const r of rows) {
      if (r.status === "failed" && !(r.error && r.error.trim().length > 3)) problems.push(`scan ${r.id.slice(-6)} failed without a reason`);
      if (r.status === "failed" && !opts.allowFailed && !opts.mustFail) problems.push(`scan ${r.id.slice(-6)} failed: ${r.error?.slice(0, 160)}`);
      if (opts.mustFail && !(r.status === "failed" && opts.mustFail.test(r.error ?? ""))) problems.push(`scan ${r.id.slice(-6)} should fail matching ${opts.mustFail}: ${r.status} ${r.error?.slice(0, 160)}`);
      if (r.status === "partial" && !r.error) problems.push(`scan ${r.id.slice(-6)} partial without a reason`);
    }
    const findings = await q<{ clusterId: string; fingerprint: string; status: string }>(this.dbUrl, `SELECT "clusterId", fingerprint, status::text AS status FROM "Finding" WHERE "clusterId" = ANY($1::text[])`, [ids]);
    for (const [clusterId, want] of expected) {
      const mine = findings.filter((f) => f.clusterId === clusterId);
      const fps = mine.map((f) => f.fingerprint);
      if (new Set(fps).size !== fps.length) problems.push(`cluster ${clusterId.slice(-6)}: duplicate finding rows`);
      const resolved = mine.filter((f) => f.status === "resolved").length;
      if (resolved) problems.push(`cluster ${clusterId.slice(-6)}: ${resolved} findings falsely resolved`);
      const open = new Set(mine.filter((f) => f.status !== "resolved").map((f) => f.fingerprint));
      const last = rows.filter((r) => r.clusterId === clusterId && r.status !== "failed").at(-1);
      const extra = [...open].filter((f) => !want.has(f)).length;
      const missing = [...want].filter((f) => !open.has(f)).length;
      if (extra) problems.push(`cluster ${clusterId.slice(-6)}: ${extra} findings a clean run does not have`);
      if (last?.status === "succeeded" && missing) problems.push(`cluster ${clusterId.slice(-6)}: ${missing} findings lost`);
      if (!last && open.size) problems.push(`cluster ${clusterId.slice(-6)}: findings stored although every scan failed`);
    }
    if (!(await this.queueDrained())) problems.push("the scan queue did not drain");
    return problems;
  }

  /** Writes a few lines about the workers' logs when a scenario failed. */
  dumpWorkerLogs(n = 8): void {
    for (const w of this.workers) log(`  ${w.name}: ${w.lines.slice(-n).join("\n    ")}`);
  }
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, rej) => (t = setTimeout(() => rej(new Error(`${what} took over ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(t);
  }
}

export { sleep };
