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

describe("worker on the Postgres queue backend", () => {
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
    const logs: string[] = [];
    child.stdout?.on("data", (d) => logs.push(String(d)));
    child.stderr?.on("data", (d) => logs.push(String(d)));
    try {
      const done = await waitFor("the scan to finish", async () => {
        const s = await db.getScan({ orgId: org.id, scanId: scan.id });
        return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
      }, 60_000);
      expect(done.status, logs.join("")).toBe("succeeded");
      expect(await db.db.finding.count({ where: { clusterId: cluster.id } })).toBeGreaterThan(10);
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      expect(code, logs.join("")).toBe(0);
      expect(logs.join(""), "no errors logged").not.toMatch(/"msg":"[^"]*(failed|error)/);
      expect(logs.join("")).toMatch(/"msg":"worker started","backend":"postgres","concurrency":2,"schedules":1,"schedulersUpdated":1/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }, 90_000);
});
