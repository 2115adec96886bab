// End to end: real Postgres, real Redis (BullMQ), kube-sim over HTTPS, the real reader and engine.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { readCluster } from "@bulwark/k8s";
import { evaluate } from "@bulwark/rules";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const DB = "bulwark_be";
const PREFIX = "bulwark-test-be";
const SECRET = testSecretKey();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

// Configuration for everything this file starts, in-process and child processes alike.
const env = {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: PREFIX,
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_LOCK_MS: "2000",
  WORKER_STALE_MS: "3000",
  WORKER_RECOVER_EVERY_MS: "1000",
  WORKER_CONCURRENCY: "2",
};
Object.assign(process.env, env);

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type W = typeof import("./index");
let db: Db;
let jobs: Jobs;
let w: W;
let sim: KubeSim;
let worker: Awaited<ReturnType<W["startWorker"]>> | undefined;
let orgId: string;
let userId: string;
const keyring = parseKeyring(SECRET);

async function addCluster(name: string, kubeconfig: string) {
  const { ciphertext, keyId } = encryptCredential(kubeconfig, keyring);
  return db.createCluster({ orgId, actorId: userId, name, server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId });
}

async function runScan(clusterId: string) {
  const scan = await db.createScan({ orgId, clusterId, trigger: "manual", actorId: userId });
  await jobs.enqueueScan({ orgId, clusterId, scanId: scan.id, trigger: "manual" });
  return waitFor("scan to finish", async () => {
    const s = await db.getScan({ orgId, scanId: scan.id });
    return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
  }, 60_000);
}

async function openFindings(clusterId: string) {
  return db.db.finding.findMany({ where: { orgId, clusterId, status: { in: ["open", "reopened", "in_progress"] } } });
}

/** What the engine says about the cluster right now, read independently of the worker. */
async function expected(kubeconfig: string) {
  const snapshot = await readCluster(kubeconfig, { allowPrivateNetworks: true });
  return evaluate(snapshot, { clusterName: "x" });
}

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  w = await import("./index");
  // Leftovers from an earlier run in this prefix would be picked up by the worker.
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "be@example.com", passwordHash: null, orgName: "BE Test" });
  orgId = org.id;
  userId = user.id;
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: shop.objects, version: shop.version });
  worker = await w.startWorker(w.workerEnv());
});

afterAll(async () => {
  await worker?.close();
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_CONNECTION]) await jobs.getQueue(q).obliterate({ force: true }).catch(() => {});
  await jobs.closeQueues();
  await db.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("scan worker", () => {
  let clusterId: string;
  let firstScanId: string;

  it("scans a cluster end to end: one row per fingerprint, counts equal evaluate()", async () => {
    const cluster = await addCluster("shop", sim.kubeconfig({ identity: "admin" }));
    clusterId = cluster.id;
    const scan = await runScan(clusterId);
    firstScanId = scan.id;
    expect(scan.status).toBe("succeeded");
    const want = await expected(sim.kubeconfig({ identity: "admin" }));
    expect(want.findings.length).toBeGreaterThan(10);
    const rows = await db.db.finding.findMany({ where: { clusterId } });
    expect(rows.length).toBe(new Set(want.findings.map((f) => f.fingerprint)).size);
    expect(new Set(rows.map((r) => r.fingerprint))).toEqual(new Set(want.findings.map((f) => f.fingerprint)));
    expect({ critical: scan.critical, high: scan.high, medium: scan.medium, low: scan.low, info: scan.info }).toEqual(want.counts);
    // The score keeps its one decimal end to end.
    expect(scan.score).toBe(want.score);
    expect(scan.newCount).toBe(rows.length);
    const cl = await db.getCluster({ orgId, clusterId });
    expect(cl?.lastResult?.id).toBe(scan.id);
    expect(cl?.score).toBe(want.score);
    expect(cl && "credentialCipher" in cl).toBe(false);
    // The YAML of objects with findings is stored; Secrets never carry values.
    const objects = await db.db.clusterObject.findMany({ where: { clusterId } });
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects.filter((x) => x.kind === "Secret")) {
      for (const v of Object.values(((o.manifest as { data?: Record<string, string> }).data ?? {}))) expect(v).toMatch(/^<redacted/);
    }
    // Another org can't see any of it.
    const other = await db.createUserWithOrganization({ email: "other@example.com", passwordHash: null, orgName: "Other" });
    expect(await db.getScan({ orgId: other.org.id, scanId: scan.id })).toBeNull();
    expect((await db.listFindings({ orgId: other.org.id })).total).toBe(0);
    expect(await db.getFinding({ orgId: other.org.id, findingId: rows[0]!.id })).toBeNull();
  });

  it("a duplicated job changes nothing twice", async () => {
    const before = await db.db.finding.findMany({ where: { clusterId }, orderBy: { id: "asc" } });
    const scanBefore = await db.getScan({ orgId, scanId: firstScanId });
    // Same scan id enqueued again: the job id is the same, so BullMQ keeps one job.
    await jobs.enqueueScan({ orgId, clusterId, scanId: firstScanId, trigger: "manual" });
    // And processed again directly: the claim refuses a finished scan.
    const res = await w.processScan({ data: { orgId, clusterId, scanId: firstScanId, trigger: "manual" } }, worker!.ctx);
    expect(res.outcome).toBe("skipped");
    await new Promise((r) => setTimeout(r, 500));
    const after = await db.db.finding.findMany({ where: { clusterId }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(await db.getScan({ orgId, scanId: firstScanId })).toEqual(scanBefore);
    expect(await db.db.scan.count({ where: { clusterId } })).toBe(1);
  });

  it("an unchanged rescan writes no finding rows", async () => {
    const before = await db.db.finding.findMany({ where: { clusterId }, select: { id: true, updatedAt: true } });
    const scan = await runScan(clusterId);
    expect(scan.status).toBe("succeeded");
    expect([scan.newCount, scan.fixedCount, scan.reopenedCount]).toEqual([0, 0, 0]);
    // The job's result carries the ingestion stats: nothing even needed comparing in SQL.
    // The scan row is stored before the job ends (images, fixes and tickets follow): wait for the job's result.
    const result = await waitFor("the scan job's result", async () => {
      const job = await jobs.getQueue(jobs.QUEUE_SCAN).getJob(jobs.scanJobId(scan.id));
      return (job?.returnvalue as { stats?: unknown } | null | undefined) ?? null;
    }, 30_000);
    expect(result.stats).toMatchObject({ inserted: 0, updated: 0, compared: 0 });
    const after = await db.db.finding.findMany({ where: { clusterId }, select: { id: true, updatedAt: true } });
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBe(before.length);
  });

  it("a rescan after fixing an object resolves its finding, and a new bad object creates findings", async () => {
    const pod = (privileged: boolean) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "be-test-debug", namespace: "default" },
      spec: { containers: [{ name: "c", image: "busybox:1.36", securityContext: { privileged } }] },
    });
    sim.store.apply(pod(true));
    const s1 = await runScan(clusterId);
    expect(s1.status).toBe("succeeded");
    expect(s1.newCount).toBeGreaterThan(0);
    const podFindings = (await openFindings(clusterId)).filter((f) => f.name === "be-test-debug");
    const priv = podFindings.find((f) => f.path.includes("privileged"));
    expect(priv, "the engine flags the privileged container").toBeDefined();

    sim.store.apply(pod(false));
    const s2 = await runScan(clusterId);
    expect(s2.fixedCount).toBeGreaterThanOrEqual(1);
    const fixed = await db.db.finding.findUniqueOrThrow({ where: { id: priv!.id } });
    expect(fixed.status).toBe("resolved");
    expect(fixed.resolvedAt).not.toBeNull();
    // The pod's other findings are still there.
    const still = (await openFindings(clusterId)).filter((f) => f.name === "be-test-debug");
    expect(still.length).toBe(podFindings.length - 1);

    // Making it privileged again reopens the same row rather than creating another.
    sim.store.apply(pod(true));
    const s3 = await runScan(clusterId);
    expect(s3.reopenedCount).toBe(1);
    expect((await db.db.finding.findUniqueOrThrow({ where: { id: priv!.id } })).status).toBe("reopened");
    const want = await expected(sim.kubeconfig({ identity: "admin" }));
    expect((await openFindings(clusterId)).length).toBe(want.findings.filter((f) => !f.exception).length);
  });

  it("stores the scan's risks, the platform's expected findings, merged checks and the score's explanation", async () => {
    const want = await expected(sim.kubeconfig({ identity: "admin" }));
    expect(want.risks.length, "the scenario has attack paths").toBeGreaterThan(0);
    expect(want.expected, "the scenario has platform components").toBeGreaterThan(0);
    const scan = (await db.db.scan.findFirstOrThrow({ where: { clusterId }, orderBy: { createdAt: "desc" } }));
    const risks = await db.db.risk.findMany({ where: { clusterId } });
    const current = risks.filter((r) => r.status !== "resolved");
    expect(new Set(current.map((r) => r.riskKey))).toEqual(new Set(want.risks.map((r) => r.id)));
    for (const r of want.risks) {
      const row = current.find((x) => x.riskKey === r.id)!;
      expect([row.severity, row.score, row.type, row.title, row.baselineId]).toEqual([r.severity, r.score, r.type, r.title, r.baseline?.id ?? null]);
      expect(row.steps).toEqual(JSON.parse(JSON.stringify(r.steps)));
      expect([row.kind, row.namespace, row.name]).toEqual([r.objects[0]!.kind, r.objects[0]!.namespace ?? null, r.objects[0]!.name]);
      if (r.exception) expect(row.status).toBe("excepted");
      else expect(["open", "reopened"]).toContain(row.status);
    }
    const open = (sev: string) => want.risks.filter((r) => r.severity === sev && !r.exception && !r.baseline).length;
    expect([scan.riskCritical, scan.riskHigh, scan.riskMedium, scan.riskLow]).toEqual([open("critical"), open("high"), open("medium"), open("low")]);
    expect([scan.expectedCount, scan.profile]).toEqual([want.expected, want.profile]);
    expect(scan.scoreItems).toEqual(JSON.parse(JSON.stringify(want.scoreItems)));

    // Findings expected for platform components: stored with the reason, no due date, not open work.
    const platform = await db.db.finding.findMany({ where: { clusterId, baselineId: { not: null } } });
    expect(platform.length).toBe(want.findings.filter((f) => f.baseline).length);
    expect(platform.every((f) => f.dueAt === null && f.baselineReason)).toBe(true);
    const listed = await db.listFindings({ orgId, clusterId, limit: 200 });
    expect(listed.items.some((f) => f.baselineId)).toBe(false);
    expect(listed.total).toBe(want.findings.filter((f) => !f.exception && !f.baseline).length);
    // Every stored finding names the checks it stands for, lead rule first.
    const rows = await db.db.finding.findMany({ where: { clusterId, fingerprint: { in: want.findings.map((f) => f.fingerprint) } } });
    for (const f of want.findings) {
      const row = rows.find((r) => r.fingerprint === f.fingerprint)!;
      expect(row.checks).toEqual(f.checks ?? [f.ruleId]);
      expect(row.checks[0]).toBe(row.ruleId);
    }
  });

  it("an unreachable cluster fails the scan with the reason", async () => {
    const dead = await startKubeSim({ objects: [] });
    const kubeconfig = dead.kubeconfig({ identity: "admin" });
    await dead.close();
    const cluster = await addCluster("gone", kubeconfig);
    const scan = await runScan(cluster.id);
    expect(scan.status).toBe("failed");
    expect(scan.error).toBeTruthy();
    expect(scan.error!.length).toBeGreaterThan(5);
    const cl = await db.getCluster({ orgId, clusterId: cluster.id });
    expect(cl?.connectionStatus).toBe("error");
    expect(cl?.connectionError).toBe(scan.error);
    expect(await db.db.finding.count({ where: { clusterId: cluster.id } })).toBe(0);
  });

  it("a credential that can read nothing fails the scan instead of scoring an empty cluster", async () => {
    const locked = await startKubeSim({ objects: scenarios["shop-staging"]!().objects, identities: [{ name: "nothing", allow: [] }] });
    try {
      const cluster = await addCluster("locked", locked.kubeconfig({ identity: "nothing" }));
      const scan = await runScan(cluster.id);
      expect(scan.status).toBe("failed");
      expect(scan.error).toBeTruthy();
      expect(scan.score).toBeNull();
      expect(await db.db.finding.count({ where: { clusterId: cluster.id } })).toBe(0);
    } finally {
      await locked.close();
    }
  });

  it("a credential that can't read Secrets gives a partial scan that never resolves what it could not judge", async () => {
    // A workload whose env references a Secret that does not exist: only judgeable with Secrets read.
    sim.store.apply({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "be-secret-ref", namespace: "default" },
      spec: { containers: [{ name: "c", image: "busybox:1.36", env: [{ name: "PW", valueFrom: { secretKeyRef: { name: "be-missing", key: "pw" } } }] }] },
    });
    // The missing-reference rule is a hygiene rule: it runs in the strict profile, which the worker
    // takes from the organization's policy.
    await db.updatePolicy({ orgId, actorId: userId, policy: { profile: "strict" } });
    const cluster = await addCluster("shop-partial", sim.kubeconfig({ identity: "admin" }));
    const full = await runScan(cluster.id);
    expect(full.status).toBe("succeeded");
    const fullFindings = await openFindings(cluster.id);

    // The same cluster, now with a credential that may not list Secrets.
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "no-secrets" }), keyring);
    await db.db.cluster.update({ where: { id: cluster.id }, data: { credentialCipher: ciphertext, credentialKeyId: keyId } });
    const partial = await runScan(cluster.id);
    expect(partial.status).toBe("partial");
    expect(partial.error).toMatch(/secrets/i);
    const kinds = partial.kinds as Array<{ kind: string; status: string }>;
    expect(kinds.find((k) => k.kind === "Secret")?.status).toBe("forbidden");
    const rules = partial.rules as Array<{ id: string; status: string; reason?: string }>;
    const notEvaluated = new Set(rules.filter((r) => r.status === "not-evaluated").map((r) => r.id));
    expect(notEvaluated.size).toBeGreaterThan(0);

    // Findings that this scan could not judge (rule not evaluated, or on a Secret) stay open.
    expect(notEvaluated.has("env-reference-not-found")).toBe(true);
    const unjudged = fullFindings.filter((f) => notEvaluated.has(f.ruleId) || f.kind === "Secret");
    expect(unjudged.length, "the scenario has secret-dependent findings").toBeGreaterThan(0);
    const rows = await db.db.finding.findMany({ where: { id: { in: unjudged.map((f) => f.id) } } });
    expect(rows.every((r) => r.status !== "resolved")).toBe(true);
    expect(partial.fixedCount).toBe(0);
    expect((await openFindings(cluster.id)).length).toBe(fullFindings.length);
    // Nor does it resolve a risk it could not judge.
    expect(await db.db.risk.count({ where: { clusterId: cluster.id } })).toBeGreaterThan(0);
    expect(await db.db.risk.count({ where: { clusterId: cluster.id, status: "resolved" } })).toBe(0);
    expect([full.profile, partial.profile]).toEqual(["strict", "strict"]);
    await db.updatePolicy({ orgId, actorId: userId, policy: { profile: "default" } });
  });
});

describe("schedules and connection tests", () => {
  it("a scheduler double-fire creates one scan, and a retry of the job reuses it", async () => {
    const cluster = await addCluster("scheduled", sim.kubeconfig({ identity: "admin" }));
    const data = { orgId, clusterId: cluster.id, trigger: "schedule" };
    const updates: unknown[] = [];
    const job = () => ({ data: { ...data }, updateData: async (d: unknown) => void updates.push(d) });
    const [a, b] = await Promise.all([w.processScan(job(), worker!.ctx), w.processScan(job(), worker!.ctx)]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(["skipped", "succeeded"]);
    expect(await db.db.scan.count({ where: { clusterId: cluster.id } })).toBe(1);
    // The job that created the scan recorded its id, so a retry continues the same scan.
    expect(updates).toHaveLength(1);
    expect((updates[0] as { scanId?: string }).scanId).toBe((a.outcome === "succeeded" ? a : b).scanId);
  });

  it("syncs job schedulers with the database", async () => {
    const cluster = await addCluster("synced", sim.kubeconfig({ identity: "admin" }));
    const first = await w.syncSchedulers(() => {});
    expect(first.upserted).toBeGreaterThanOrEqual(1);
    const ids = async () => (await jobs.getQueue(jobs.QUEUE_SCAN).getJobSchedulers(0, -1)).map((j) => j.key);
    expect(await ids()).toContain(jobs.scanSchedulerId(cluster.id));
    // A daily interval's first run is a day away, not now; a second sync changes nothing.
    const next = (await jobs.getQueue(jobs.QUEUE_SCAN).getJobSchedulers(0, -1)).find((j) => j.key === jobs.scanSchedulerId(cluster.id))?.next;
    expect(Number(next) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect((await w.syncSchedulers(() => {})).upserted).toBe(0);
    await db.deleteCluster({ orgId, clusterId: cluster.id, actorId: userId });
    await w.syncSchedulers(() => {});
    expect(await ids()).not.toContain(jobs.scanSchedulerId(cluster.id));
  });

  it("tests a connection: versions on success, the reason on failure", async () => {
    const cluster = await addCluster("tested", sim.kubeconfig({ identity: "admin" }));
    await jobs.enqueueTestConnection({ orgId, clusterId: cluster.id });
    const ok = await waitFor("connection test", async () => {
      const c = await db.getCluster({ orgId, clusterId: cluster.id });
      return c?.connectionStatus === "connected" ? c : null;
    });
    expect(ok.kubeVersion).toMatch(/^1\.\d+$/);
    expect(ok.gitVersion).toMatch(/^v1\./);

    const dead = await startKubeSim({ objects: [] });
    const kubeconfig = dead.kubeconfig({ identity: "admin" });
    await dead.close();
    const bad = await addCluster("tested-dead", kubeconfig);
    const res = await w.processTestConnection({ data: { orgId, clusterId: bad.id } }, worker!.ctx);
    expect(res.ok).toBe(false);
    const c = await db.getCluster({ orgId, clusterId: bad.id });
    expect(c?.connectionStatus).toBe("error");
    expect(c?.connectionError).toBe(res.reason);
  });
});

describe("worker process", () => {
  it("killed with SIGKILL mid-scan: the scan is recovered and ends with the same findings as a clean run", async () => {
    const shop = scenarios["shop-staging"]!();
    const slow = await startKubeSim({ objects: shop.objects, version: shop.version });
    const kubeconfig = slow.kubeconfig({ identity: "admin" });
    const want = await expected(kubeconfig);
    // The in-process worker must not take this job: stop it so only the child runs scans.
    await worker?.close();
    worker = undefined;
    const cluster = await addCluster("slow", kubeconfig);
    slow.setFaults([{ pathPattern: "^/api", latencyMs: 800 }]);

    const startChild = (): ChildProcess =>
      spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/worker/src/main.ts")], {
        cwd: ROOT,
        env: { ...process.env, ...env, WORKER_CONCURRENCY: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
    let child = startChild();
    const logs: string[] = [];
    const collect = (c: ChildProcess) => {
      c.stdout?.on("data", (d) => logs.push(String(d)));
      c.stderr?.on("data", (d) => logs.push(String(d)));
    };
    collect(child);
    try {
      const scan = await db.createScan({ orgId, clusterId: cluster.id, trigger: "manual" });
      await jobs.enqueueScan({ orgId, clusterId: cluster.id, scanId: scan.id, trigger: "manual" });
      await waitFor("the child to be reading the cluster", async () => {
        const s = await db.getScan({ orgId, scanId: scan.id });
        return s?.status === "running" && s.phase === "reading" && s.progress > 5;
      }, 60_000);
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      slow.setFaults([{ pathPattern: "^/api", latencyMs: 20 }]);

      child = startChild();
      collect(child);
      const done = await waitFor("the recovered scan to finish", async () => {
        const s = await db.getScan({ orgId, scanId: scan.id });
        return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
      }, 90_000);
      expect(done.status, logs.join("")).toBe("succeeded");
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      const rows = await db.db.finding.findMany({ where: { clusterId: cluster.id } });
      expect(rows.length).toBe(new Set(want.findings.map((f) => f.fingerprint)).size);
      expect({ critical: done.critical, high: done.high, medium: done.medium, low: done.low, info: done.info }).toEqual(want.counts);

      // SIGTERM: the worker closes cleanly and exits 0.
      child.kill("SIGTERM");
      const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await slow.close();
    }
  }, 150_000);
});
