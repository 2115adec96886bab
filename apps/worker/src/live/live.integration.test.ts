// Continuous mode end to end: real Postgres, Redis, kube-sim over HTTPS, the real watcher, engine
// and kubectl. No scan is triggered anywhere here: everything comes from the watch.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import { readCluster } from "@bulwark/k8s";
import { evaluate } from "@bulwark/rules";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "../test-helpers";
import type { TLiveJudged } from "./live-cluster";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const DB = "bulwark_be_live";
const SECRET = testSecretKey();
const env = {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "bulwark-test-live",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_RECOVER_EVERY_MS: "60000",
  WORKER_CONTINUOUS: "on",
  WORKER_WATCH_LEASE_MS: "10000",
};
Object.assign(process.env, env);

type Db = typeof import("@bulwark/db");
type W = typeof import("../index");
let db: Db;
let w: W;
let sim: KubeSim;
let worker: Awaited<ReturnType<W["startWorker"]>>;
let orgId: string;
let userId: string;
let clusterId: string;
let dir: string;
let kubeconfigPath: string;
const judged: TLiveJudged[] = [];

async function kubectl(...args: string[]) {
  return exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath } });
}

const OPEN = ["open", "reopened", "in_progress"] as const;
const openFindings = (id = clusterId) => db.db.finding.findMany({ where: { orgId, clusterId: id, status: { in: [...OPEN] }, baselineId: null } });

/** Open, non-expected fingerprints a fresh full read and judge of the cluster gives. */
async function freshFullScan(s = sim, id = clusterId): Promise<string[]> {
  const snapshot = await readCluster(s.kubeconfig(), { allowPrivateNetworks: true });
  const c = await db.getCluster({ orgId, clusterId: id });
  return evaluate(snapshot, { clusterName: c!.name, now: new Date().toISOString() })
    .findings.filter((f) => !f.baseline && !f.exception)
    .map((f) => f.fingerprint)
    .sort();
}

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  w = await import("../index");
  const jobs = await import("@bulwark/jobs");
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_ALERT]) await jobs.getQueue(q).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "live@example.com", passwordHash: null, orgName: "Live" });
  orgId = org.id;
  userId = user.id;
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: shop.objects, version: shop.version });
  dir = await mkdtemp(join(tmpdir(), "bulwark-live-"));
  kubeconfigPath = join(dir, "config");
  await writeFile(kubeconfigPath, sim.kubeconfig());
  const { ciphertext, keyId } = encryptCredential(sim.kubeconfig(), parseKeyring(SECRET));
  clusterId = (await db.createCluster({ orgId, actorId: user.id, name: "shop", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
  worker = await w.startWorker(w.workerEnv());
  worker.live!.onJudged((j) => judged.push(j));
  // The baseline: the scenario's findings land as the hour's live record, with no scan queued.
  await waitFor("the cluster to be live", async () => (await db.getWatchedCluster({ orgId, clusterId })) && (await db.db.cluster.findUnique({ where: { id: clusterId } }))?.watchState === "live", 60_000);
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  await dropDatabase(DB).catch(() => {});
});

describe.skipIf(!existsSync(KUBECTL))("continuous mode", () => {
  it("records the baseline as a live scan without any scan being queued", async () => {
    const scans = await db.db.scan.findMany({ where: { clusterId } });
    expect(scans.map((s) => s.trigger)).toEqual(["live"]);
    expect((await openFindings()).map((f) => f.fingerprint).sort()).toEqual(await freshFullScan());
  });

  it("a privileged pod created with kubectl is an open finding and a risk within 10 s; deleting it resolves both", async () => {
    const manifest = join(dir, "pod.yaml");
    await writeFile(
      manifest,
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "live-priv", namespace: "default" },
        spec: { containers: [{ name: "c", image: "busybox:1.36", securityContext: { privileged: true } }] },
      }),
    );
    const t0 = Date.now();
    await kubectl("create", "-f", manifest);
    const finding = await waitFor(
      "the privileged finding",
      () => db.db.finding.findFirst({ where: { orgId, clusterId, name: "live-priv", ruleId: "privileged-container", status: { in: [...OPEN] } } }),
      10_000,
      100,
    );
    const risk = await waitFor("a risk on the pod", () => db.db.risk.findFirst({ where: { orgId, clusterId, name: "live-priv", status: { in: [...OPEN] } } }), 10_000 - (Date.now() - t0), 100);
    console.log(`live: kubectl create -> finding in ${Date.now() - t0} ms`);
    expect(await db.db.scan.count({ where: { clusterId, trigger: { not: "live" } } })).toBe(0);
    const scan = await db.db.scan.findUniqueOrThrow({ where: { id: finding.firstSeenScanId } });
    expect(scan.trigger).toBe("live");

    await kubectl("delete", "pod", "live-priv", "-n", "default", "--wait=false");
    await waitFor("the finding to resolve", async () => (await db.db.finding.findUnique({ where: { id: finding.id } }))?.status === "resolved", 10_000, 100);
    await waitFor("the risk to resolve", async () => (await db.db.risk.findUnique({ where: { id: risk.id } }))?.status === "resolved", 10_000, 100);
    const changes = await db.db.clusterChange.findMany({ where: { clusterId, kind: "Pod", name: "live-priv" }, orderBy: { at: "asc" } });
    expect(changes.map((c) => c.type)).toEqual(["added", "deleted"]);
    expect(changes[0]!.manager).toBe("kubectl-create");
    expect(changes[0]!.scanId).toBe(scan.id);
    // The change history links a change to the findings its judging introduced by this instant.
    expect(changes[0]!.judgedAt?.getTime()).toBe(finding.firstSeenAt.getTime());
    const cluster = await db.db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster.lastScanId).toBe(scan.id);
    expect(cluster.lastEventAt).not.toBeNull();
    expect(cluster.liveUpdatedAt!.getTime()).toBeGreaterThanOrEqual(t0);
  });

  it("alerts for a new critical finding and risk are planned within 30 s of the change, once per finding across later updates", async () => {
    // Delivery itself (signing, retries, the receiver) is alerts.integration.test.ts's; what is
    // continuous mode's own is that each live update plans its alerts, and never twice. The URL
    // refuses connections: the deliveries stay pending or fail, which is not what is asserted.
    const keyring = parseKeyring(SECRET);
    const url = "https://127.0.0.1:9/hook";
    const ch = await db.createNotificationChannel({
      orgId, actorId: userId, name: "Live alerts", kind: "webhook", urlCipher: encryptCredential(url, keyring).ciphertext, urlHost: "127.0.0.1:9",
      secretCipher: encryptCredential("s3cret", keyring).ciphertext, keyId: keyring.currentKeyId, minSeverity: "high", clusterIds: [], digest: false, enabled: true,
    });
    try {
      const t0 = Date.now();
      await kubectl("run", "live-alert", "-n", "default", "--image=busybox:1.36", "--privileged", "--restart=Never");
      const finding = await waitFor("the privileged finding", () => db.db.finding.findFirst({ where: { orgId, clusterId, name: "live-alert", ruleId: "privileged-container", status: { in: [...OPEN] } } }), 30_000, 100);
      const planned = await waitFor(
        "the finding's alert to be planned",
        () => db.db.alertDelivery.findFirst({ where: { channelId: ch.id, findingId: finding.id, kind: "alert" } }),
        30_000 - (Date.now() - t0),
        100,
      );
      const risk = await waitFor("the pod's risk", () => db.db.risk.findFirst({ where: { orgId, clusterId, name: "live-alert", status: { in: [...OPEN] } } }), 10_000, 100);
      await waitFor("the risk's alert to be planned", () => db.db.alertDelivery.findFirst({ where: { channelId: ch.id, riskId: risk.id } }), 30_000 - (Date.now() - t0), 100);
      console.log(`live: kubectl run -> alert planned in ${planned.createdAt.getTime() - t0} ms`);

      // A later update of the same hour's record that plans alerts again (a second privileged pod)
      // plans the new finding's alert and nothing more for the first one.
      await kubectl("run", "live-alert-2", "-n", "default", "--image=busybox:1.36", "--privileged", "--restart=Never");
      const second = await waitFor("the second pod's finding", () => db.db.finding.findFirst({ where: { orgId, clusterId, name: "live-alert-2", ruleId: "privileged-container", status: { in: [...OPEN] } } }), 30_000, 100);
      await waitFor("the second finding's alert to be planned", () => db.db.alertDelivery.findFirst({ where: { channelId: ch.id, findingId: second.id, kind: "alert" } }), 30_000, 100);
      expect(await db.db.alertDelivery.count({ where: { channelId: ch.id, findingId: finding.id } })).toBe(1);
      expect(await db.db.alertDelivery.count({ where: { channelId: ch.id, riskId: risk.id } })).toBe(1);
    } finally {
      await db.db.notificationChannel.update({ where: { id: ch.id }, data: { enabled: false } });
      await kubectl("delete", "pod", "live-alert", "live-alert-2", "-n", "default", "--wait=false");
      // The next test reads the next judge: let this cleanup's be done first.
      await waitFor("the pods' findings to resolve", async () => (await db.db.finding.count({ where: { orgId, clusterId, name: { in: ["live-alert", "live-alert-2"] }, status: { in: [...OPEN] } } })) === 0, 10_000, 100);
    }
  });

  it("a RoleBinding change re-judges the workloads of its namespace only; other findings are untouched", async () => {
    const before = await db.db.finding.findMany({ where: { orgId, clusterId }, select: { id: true, namespace: true, updatedAt: true, status: true, lastSeenScanId: true } });
    const ns = "shop";
    const pods = (await readCluster(sim.kubeconfig(), { allowPrivateNetworks: true })).objects;
    expect(pods.some((o) => o.metadata.namespace === ns)).toBe(true);
    const from = judged.length;
    await kubectl("create", "rolebinding", "live-rb", "-n", ns, "--clusterrole=cluster-admin", `--serviceaccount=${ns}:default`);
    const batch = await waitFor("the RoleBinding's judge", async () => judged.slice(from).find((j) => j.cause === "changes"), 10_000, 100);
    expect(batch.rejudged.full).toBe(false);
    expect(batch.rejudged.namespaces).toEqual([ns]);
    expect(batch.rejudged.objects).toBeGreaterThan(0);
    expect(batch.rejudged.objects).toBeLessThan(pods.length / 2);
    await waitFor("the binding's finding", () => db.db.finding.findFirst({ where: { orgId, clusterId, kind: "RoleBinding", name: "live-rb", status: { in: [...OPEN] } } }), 10_000, 100);
    const after = new Map((await db.db.finding.findMany({ where: { orgId, clusterId }, select: { id: true, namespace: true, updatedAt: true, status: true, lastSeenScanId: true } })).map((f) => [f.id, f]));
    const elsewhere = before.filter((f) => f.namespace !== ns);
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const f of elsewhere) expect(after.get(f.id)).toEqual(f);
    await kubectl("delete", "rolebinding", "live-rb", "-n", ns);
  });

  it("dropped watches and 410 Expired lose no event: the stored open findings equal a fresh full scan", async () => {
    // Faults bind to a watch connection when it opens, so this cluster's watcher meets them from
    // its first watch on: streams drop now and then, and resumes get 410 Expired for a while.
    const shop = scenarios["shop-staging"]!();
    const faulty = await startKubeSim({ objects: shop.objects, version: shop.version });
    try {
      faulty.setFaults([{ watchDropRate: 0.3 }, { watchExpired: 1, times: 6 }]);
      const { ciphertext, keyId } = encryptCredential(faulty.kubeconfig(), parseKeyring(SECRET));
      const id = (await db.createCluster({ orgId, actorId: userId, name: "faulty", server: faulty.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
      await waitFor("the faulty cluster to be live", async () => (await db.db.cluster.findUnique({ where: { id } }))?.watchState === "live", 30_000, 100);
      for (let i = 0; i < 12; i++) {
        faulty.store.apply({
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: `fault-${i}`, namespace: "default" },
          spec: { hostNetwork: i % 2 === 0, containers: [{ name: "c", image: "nginx", securityContext: { privileged: i % 3 === 0, runAsUser: 0 } }] },
        });
        if (i === 5) faulty.compact();
        await new Promise((r) => setTimeout(r, 50));
      }
      faulty.store.remove("v1", "Pod", "default", "fault-1");
      faulty.compact();
      // Faults stay on until the watcher has been cut off and relisted at least once.
      const st = await waitFor(
        "a dropped watch and a relist",
        async () => {
          const s = worker.live!.stats(id);
          return s && s.reconnects >= 1 && s.relists >= 1 ? s : null;
        },
        30_000,
        100,
      );
      console.log(`live: faults seen by the watcher ${JSON.stringify(st)}`);
      faulty.clearFaults();
      const want = await freshFullScan(faulty, id);
      expect(want.length).toBeGreaterThan(0);
      await waitFor(
        "the stored open findings to equal a fresh full scan",
        async () => JSON.stringify((await openFindings(id)).map((f) => f.fingerprint).sort()) === JSON.stringify(want),
        30_000,
        250,
      );
      // Each pod that exists has its "added" row, whether seen on the stream or by the relist's diff
      // (fault-1 may have come and gone between a drop and a relist: then there is nothing to tell).
      const added = await db.db.clusterChange.findMany({ where: { clusterId: id, kind: "Pod", type: "added" }, select: { name: true } });
      const names = new Set(added.map((c) => c.name));
      names.delete("fault-1");
      expect(names).toEqual(new Set([...Array(12).keys()].filter((i) => i !== 1).map((i) => `fault-${i}`)));
      expect(await db.db.scan.count({ where: { clusterId: id, trigger: { not: "live" } } })).toBe(0);
    } finally {
      await faulty.close();
    }
  });
});
