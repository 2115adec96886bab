// Two worker processes share 20 watched clusters (20 kube-sims) through leases: no cluster is ever
// leased twice, each holds its fair share, and after one is SIGKILLed the other holds all 20 within
// 30 s. The WatchLease table is polled throughout (one row per cluster, one owner per row).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "../test-helpers";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const DB = "bulwark_be_live_takeover";
const SECRET = testSecretKey();
const N = 20;
const env = {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "bulwark-test-live-takeover",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_CONTINUOUS: "on",
  // The default lease (20 s) meets the 30 s takeover on its own; a shorter one keeps this test short.
  WORKER_WATCH_LEASE_MS: "10000",
  WORKER_RECOVER_EVERY_MS: "60000",
};
Object.assign(process.env, env);

type Db = typeof import("@bulwark/db");
let db: Db;
const sims: KubeSim[] = [];
const procs: ChildProcess[] = [];
const logs = new Map<string, string[]>();

function startWorkerProcess(id: string): ChildProcess {
  // node itself (tsx as a loader), not the tsx wrapper: SIGKILL must hit the worker, not a parent that leaves it orphaned.
  const p = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, WORKER_ID: id },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  logs.set(id, lines);
  p.stdout!.on("data", (d: Buffer) => lines.push(...d.toString().split("\n").filter(Boolean)));
  p.stderr!.on("data", (d: Buffer) => lines.push(...d.toString().split("\n").filter(Boolean)));
  procs.push(p);
  return p;
}

async function leases() {
  return db.db.watchLease.findMany({ select: { clusterId: true, workerId: true, expiresAt: true } });
}

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  const { user, org } = await db.createUserWithOrganization({ email: "takeover@example.com", passwordHash: null, orgName: "Takeover" });
  const keyring = parseKeyring(SECRET);
  const shop = scenarios["shop-staging"]!();
  for (let i = 0; i < N; i++) {
    const sim = await startKubeSim({ objects: shop.objects, version: shop.version });
    sims.push(sim);
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig(), keyring);
    await db.createCluster({ orgId: org.id, actorId: user.id, name: `c-${i}`, server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId });
  }
}, 120_000);

afterAll(async () => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
  await Promise.all(sims.map((s) => s.close()));
  await db?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("continuous mode across two workers", () => {
  it("shares 20 clusters with no cluster leased twice, and the survivor takes all within 30 s of a SIGKILL", async () => {
    startWorkerProcess("live-a");
    startWorkerProcess("live-b");
    // Both hold their fair share (10 each) and every cluster is live.
    const shared = await waitFor(
      "both workers to hold 10 clusters each",
      async () => {
        const rows = await leases();
        const a = rows.filter((r) => r.workerId === "live-a").length;
        return rows.length === N && a === N / 2 ? rows : null;
      },
      45_000,
      250,
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n${[...logs].map(([k, v]) => `${k}: ${v.slice(-15).join("\n")}`).join("\n")}`);
    });
    expect(new Set(shared.map((r) => r.clusterId)).size).toBe(N);
    await waitFor("every cluster live", async () => (await db.db.cluster.count({ where: { watchState: "live" } })) === N, 30_000, 250).catch(async (e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(await db.db.cluster.findMany({ select: { name: true, watchState: true, watchError: true } }))} ${JSON.stringify(await leases())}\n${[...logs].map(([k, v]) => `${k}: ${v.slice(-10).join("\n")}`).join("\n")}`);
    });

    const b = procs[1]!;
    b.kill("SIGKILL");
    const killedAt = Date.now();
    await waitFor(
      "the survivor to hold all 20",
      async () => {
        const rows = await leases();
        // While taking over, a cluster is leased by the dead worker (until it expires) or the survivor, never both.
        expect(new Set(rows.map((r) => r.clusterId)).size).toBe(rows.length);
        return rows.length === N && rows.every((r) => r.workerId === "live-a");
      },
      30_000,
      250,
    ).catch(async (e: Error) => {
      const act = await db.db.$queryRawUnsafe(`SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS q, (now() - query_start)::text AS age FROM pg_stat_activity WHERE datname = current_database()`);
      throw new Error(`${e.message}: ${JSON.stringify(act)} ${JSON.stringify(await leases())} ${(await db.db.workerInstance.findMany({})).map((w) => JSON.stringify(w)).join(" ")}\n${logs.get("live-a")!.slice(-20).join("\n")}`);
    });
    const took = Date.now() - killedAt;
    console.log(`live: survivor holds all ${N} clusters ${took} ms after SIGKILL (lease ${env.WORKER_WATCH_LEASE_MS} ms)`);
    expect(took).toBeLessThan(30_000);
    await waitFor("every cluster live again", async () => (await db.db.cluster.count({ where: { watchState: "live" } })) === N, 30_000, 250);
    // The survivor is the only worker whose log says it watches those clusters now, and its judge ran on them.
    const a = logs.get("live-a")!;
    expect(a.some((l) => l.includes("continuous mode took clusters"))).toBe(true);
    expect(a.some((l) => l.includes("continuous mode rebalanced")) || a.filter((l) => l.includes("continuous mode took clusters")).length >= 2).toBe(true);

    // A graceful stop gives every lease back at once.
    const aProc = procs[0]!;
    aProc.kill("SIGTERM");
    await new Promise<void>((r) => (aProc.exitCode !== null ? r() : aProc.once("exit", () => r())));
    expect(await leases()).toEqual([]);
  }, 150_000);
});
