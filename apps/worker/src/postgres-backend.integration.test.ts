// The same worker with BullMQ's Postgres backend instead of Redis (the no-Redis install path):
// a child process running main.ts scans a kube-sim cluster and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { dropDatabase, freshDatabase, testSecretKey, waitFor } from "./test-helpers";

const DB = "bulwark_be_pgq";
const SECRET = testSecretKey();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const env = {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL: "",
  BULWARK_QUEUE_BACKEND: "postgres",
  BULWARK_QUEUE_PREFIX: "bulwark-test-be",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
};
Object.assign(process.env, env);

let sim: KubeSim;
beforeAll(async () => {
  await freshDatabase(DB);
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: shop.objects, version: shop.version });
});
afterAll(async () => {
  const jobs = await import("@bulwark/jobs");
  const db = await import("@bulwark/db");
  await jobs.closeQueues();
  await db.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

/** The worker's JSON log lines so far (a line split across chunks is read once it is whole). */
function logLines(out: string): Array<Record<string, unknown>> {
  return out
    .split("\n")
    .slice(0, -1)
    .flatMap((line) => {
      try {
        const v = JSON.parse(line) as unknown;
        return v && typeof v === "object" ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

describe("worker on the Postgres queue backend", () => {
  // Waits on conditions only (the scan's row, the worker's own log lines, the process's exit), with
  // deadlines that leave room for a loaded machine; none of them is a sleep.
  it("scans a cluster and exits cleanly on SIGTERM", async () => {
    const db = await import("@bulwark/db");
    const jobs = await import("@bulwark/jobs");
    expect(jobs.getQueueConnection().backend).toBe("postgres");
    const { user, org } = await db.createUserWithOrganization({ email: "pg@example.com", passwordHash: null, orgName: "PG" });
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "admin" }), parseKeyring(SECRET));
    const cluster = await db.createCluster({ orgId: org.id, actorId: user.id, name: "shop", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId });
    const scan = await db.createScan({ orgId: org.id, clusterId: cluster.id, trigger: "onboarding" });
    await jobs.enqueueScan({ orgId: org.id, clusterId: cluster.id, scanId: scan.id, trigger: "onboarding" });

    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/worker/src/main.ts")], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => (out += String(d)));
    child.stderr?.on("data", (d) => (err += String(d)));
    // "close", not "exit": every line the worker wrote has been read by then.
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once("close", (code, signal) => r({ code, signal })));
    const logs = () => `${out}${err}`;
    try {
      const done = await waitFor("the scan to finish", async () => {
        const s = await db.getScan({ orgId: org.id, scanId: scan.id });
        return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
      }, 240_000, 250);
      expect(done.status, logs()).toBe("succeeded");
      expect(await db.db.finding.count({ where: { clusterId: cluster.id } })).toBeGreaterThan(10);
      // Jobs run as soon as the queues are ready, before the worker has finished starting and
      // installed its signal handlers: SIGTERM goes once it says it has started.
      const started = await waitFor("the worker to say it has started", async () => logLines(out).find((l) => l.msg === "worker started") ?? (child.exitCode !== null ? Promise.reject(new Error(`worker exited: ${logs()}`)) : null), 120_000, 100);
      expect(started).toMatchObject({ backend: "postgres", concurrency: 2, schedules: 1, schedulersUpdated: 1 });

      child.kill("SIGTERM");
      const { code, signal } = await closed;
      expect({ code, signal }, logs()).toEqual({ code: 0, signal: null });
      const lines = logLines(out);
      expect(lines.map((l) => l.msg)).toContain("shutting down");
      expect(lines.map((l) => l.msg)).toContain("worker stopped");
      expect(lines.filter((l) => /failed|error/i.test(String(l.msg))), "no errors logged").toEqual([]);
      expect(logs(), "no errors logged").not.toMatch(/"msg":"[^"]*(failed|error)/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 420_000);
});
