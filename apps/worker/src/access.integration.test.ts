// The access model end to end: real Postgres, Redis (BullMQ), kube-sim's access-lab over HTTPS,
// kubectl, the real reader, worker and @bulwark/rules. A scan stores the grants (its first build is
// the baseline: no changes); a ClusterRoleBinding created with kubectl is an "added" change of the
// next scan, its deletion a "removed" change of the one after; who-can answers agree with the
// model built independently from the cluster and name every cluster-admin binding's subjects.
// Then continuous mode: a RoleBinding created with kubectl is saved from the watch, its change
// carrying the hour's live record.
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
import { buildAccessModel, whoCan, type AccessQuery } from "@bulwark/rules";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "./test-helpers";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const DB = "bulwark_be_access";
const PREFIX = "bulwark-test-access";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: PREFIX,
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  WORKER_RECOVER_EVERY_MS: "60000",
  // Scans only at first: a watch would see the kubectl changes before the scan does.
  WORKER_CONTINUOUS: "off",
  WORKER_WATCH_LEASE_MS: "10000",
});

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
let clusterId: string;
let dir: string;
let kubeconfigPath: string;

/** `kubectl create -f` of one object (kubectl's `create clusterrolebinding` speaks protobuf, which kube-sim does not). */
async function kubectlCreate(object: Record<string, unknown>) {
  const file = join(dir, `object-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(object));
  return kubectl("create", "-f", file);
}

const RBAC = "rbac.authorization.k8s.io";

async function kubectl(...args: string[]) {
  return exec(KUBECTL, [...args, "--request-timeout=10s"], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: dir, KUBECONFIG: kubeconfigPath } });
}

/** Runs a scan and waits until its access model is saved (after the scan's own results). */
async function scanAndSaveAccess(): Promise<string> {
  const scan = await db.createScan({ orgId, clusterId, trigger: "manual", actorId: userId });
  await jobs.enqueueScan({ orgId, clusterId, scanId: scan.id, trigger: "manual" });
  const done = await waitFor("the scan to finish", async () => {
    const s = await db.getScan({ orgId, scanId: scan.id });
    return s && ["succeeded", "partial", "failed"].includes(s.status) ? s : null;
  }, 60_000);
  expect(done.status).toBe("succeeded");
  await waitFor("the scan's access model", async () => (await db.db.accessSnapshot.findUnique({ where: { clusterId } }))?.scanId === scan.id, 30_000);
  return scan.id;
}

const QUESTIONS: AccessQuery[] = [
  { verb: "get", resource: "secrets", namespace: "payments" },
  { verb: "get", resource: "secrets", namespace: "payments", name: "app-db" },
  { verb: "list", resource: "secrets" },
  { verb: "delete", resource: "secrets", namespace: "kube-system" },
  { verb: "create", resource: "pods", namespace: "kube-system" },
  { verb: "create", resource: "pods/exec", namespace: "team-a" },
  { verb: "update", resource: "deployments.apps/scale", namespace: "shop" },
  { verb: "update", resource: "deployments.apps", namespace: "team-a" },
  { verb: "delete", resource: "pods", namespace: "sandbox" },
  { verb: "get", resource: "nodes" },
  { verb: "get", resource: "nodes/proxy" },
  { verb: "get", resource: "configmaps", namespace: "shared" },
  { verb: "impersonate", resource: "users" },
  { verb: "escalate", resource: "clusterroles.rbac.authorization.k8s.io" },
  { verb: "create", resource: "deployments", namespace: "ci" },
  { verb: "get", nonResourceURL: "/healthz" },
  { verb: "get", nonResourceURL: "/metrics" },
];

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  w = await import("./index");
  for (const q of [jobs.QUEUE_SCAN, jobs.QUEUE_ALERT]) await jobs.getQueue(q).obliterate({ force: true });
  const { user, org } = await db.createUserWithOrganization({ email: "access@example.com", passwordHash: null, orgName: "Access" });
  orgId = org.id;
  userId = user.id;
  const lab = scenarios["access-lab"]!();
  sim = await startKubeSim({ objects: lab.objects, version: lab.version });
  dir = await mkdtemp(join(tmpdir(), "bulwark-access-"));
  kubeconfigPath = join(dir, "config");
  await writeFile(kubeconfigPath, sim.kubeconfig());
  const { ciphertext, keyId } = encryptCredential(sim.kubeconfig(), parseKeyring(SECRET));
  clusterId = (await db.createCluster({ orgId, actorId: user.id, name: "lab", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
  worker = await w.startWorker(w.workerEnv());
}, 120_000);

afterAll(async () => {
  await worker?.close();
  for (const q of [jobs?.QUEUE_SCAN, jobs?.QUEUE_ALERT]) if (q) await jobs.getQueue(q).obliterate({ force: true }).catch(() => {});
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  await dropDatabase(DB).catch(() => {});
});

describe.skipIf(!existsSync(KUBECTL))("access model from scans", () => {
  let firstScan: string;

  it("a scan stores the grants as the baseline, without changes", async () => {
    firstScan = await scanAndSaveAccess();
    expect(await db.db.accessGrant.count({ where: { clusterId } })).toBeGreaterThan(20);
    expect(await db.db.accessSubject.count({ where: { clusterId } })).toBeGreaterThan(10);
    expect(await db.db.accessChange.count({ where: { clusterId } })).toBe(0);
    const overview = await db.getAccessOverview({ orgId });
    expect(overview.clusters[0]).toMatchObject({ clusterId, clusterName: "lab", changesSinceReview: 0 });
    expect(overview.clusters[0]!.admins).toBeGreaterThan(0);
    expect(overview.clusters[0]!.stale).toBeGreaterThan(0);
  });

  it("who-can answers agree with the model built from the cluster as it is", async () => {
    const snapshot = await readCluster(sim.kubeconfig(), { allowPrivateNetworks: true });
    const model = buildAccessModel(snapshot.objects);
    let nonEmpty = 0;
    for (const q of QUESTIONS) {
      const res = await db.whoCanQuery({ orgId, query: q, clusterId });
      expect(res.clusters.map((c) => c.clusterName)).toEqual(["lab"]);
      expect(res.clusters[0]!.subjects, JSON.stringify(q)).toEqual(whoCan(model.grants, q));
      if (res.clusters[0]!.subjects.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(QUESTIONS.length / 2);
  });

  it("every subject of a cluster-admin ClusterRoleBinding (as kubectl shows them) can do anything, through that binding", async () => {
    const { stdout } = await kubectl("get", "clusterrolebindings", "-o", "json");
    const crbs = (JSON.parse(stdout) as { items: Array<{ metadata: { name: string }; roleRef: { kind: string; name: string }; subjects?: Array<{ kind: string; name: string; namespace?: string }> }> }).items;
    const admins = crbs.filter((b) => b.roleRef.kind === "ClusterRole" && b.roleRef.name === "cluster-admin" && b.subjects?.length);
    expect(admins.map((b) => b.metadata.name)).toContain("platform-admins");
    for (const q of [{ verb: "delete", resource: "secrets", namespace: "kube-system" }, { verb: "create", resource: "clusterrolebindings.rbac.authorization.k8s.io" }, { verb: "get", nonResourceURL: "/anything" }] satisfies AccessQuery[]) {
      const subjects = (await db.whoCanQuery({ orgId, query: q, clusterId })).clusters[0]!.subjects;
      for (const b of admins) {
        for (const s of b.subjects!) {
          const hit = subjects.find((x) => x.kind === s.kind && x.name === s.name && (x.namespace ?? "") === (s.namespace ?? ""));
          expect(hit, `${s.kind} ${s.name} of ${b.metadata.name} for ${JSON.stringify(q)}`).toBeDefined();
          expect(hit!.via.some((v) => v.bindingKind === "ClusterRoleBinding" && v.binding === b.metadata.name && v.role === "cluster-admin")).toBe(true);
        }
      }
    }
  });

  it("a ClusterRoleBinding created with kubectl is an 'added' change of the next scan; its deletion a 'removed' change", async () => {
    await kubectlCreate({
      apiVersion: `${RBAC}/v1`,
      kind: "ClusterRoleBinding",
      metadata: { name: "bulwark-test-admin" },
      roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ apiGroup: RBAC, kind: "User", name: "mallory@lab.example" }],
    });
    const second = await scanAndSaveAccess();
    expect(second).not.toBe(firstScan);
    const added = await db.db.accessChange.findMany({ where: { clusterId } });
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((c) => c.change === "added" && c.scanId === second && c.subjectName === "mallory@lab.example" && c.bindingName === "bulwark-test-admin")).toBe(true);
    const who = async () => (await db.whoCanQuery({ orgId, query: { verb: "delete", resource: "nodes" }, clusterId })).clusters[0]!.subjects.find((s) => s.name === "mallory@lab.example");
    expect((await who())?.via.map((v) => v.binding)).toEqual(["bulwark-test-admin"]);
    const listed = await db.listAccessChanges({ orgId, subject: { kind: "User", name: "mallory@lab.example" } });
    expect(listed.items.map((c) => [c.change, c.scanId, c.via.binding, c.via.role])).toEqual(added.map(() => ["added", second, "bulwark-test-admin", "cluster-admin"]));
    expect((await db.getAccessSubject({ orgId, kind: "User", name: "mallory@lab.example" }))?.clusters[0]?.privilege).toBe("admin");

    await kubectl("delete", "clusterrolebinding", "bulwark-test-admin");
    const third = await scanAndSaveAccess();
    const removed = await db.db.accessChange.findMany({ where: { clusterId, change: "removed" } });
    expect(removed.length).toBe(added.length);
    expect(removed.every((c) => c.scanId === third && c.subjectName === "mallory@lab.example")).toBe(true);
    expect(await who()).toBeUndefined();
    expect(await db.getAccessSubject({ orgId, kind: "User", name: "mallory@lab.example" })).toBeNull();
  });

  it("an unchanged rescan records no change", async () => {
    const before = await db.db.accessChange.count({ where: { clusterId } });
    await scanAndSaveAccess();
    expect(await db.db.accessChange.count({ where: { clusterId } })).toBe(before);
  });
});

describe.skipIf(!existsSync(KUBECTL))("access model from the watch", () => {
  it("a RoleBinding created with kubectl is saved from the watch, its change carrying the hour's live record", async () => {
    await worker?.close();
    process.env.WORKER_CONTINUOUS = "on";
    worker = await w.startWorker(w.workerEnv());
    await waitFor("the cluster to be live", async () => (await db.db.cluster.findUnique({ where: { id: clusterId } }))?.watchState === "live", 60_000);
    const before = await db.db.accessChange.count({ where: { clusterId } });
    await kubectlCreate({
      apiVersion: `${RBAC}/v1`,
      kind: "RoleBinding",
      metadata: { name: "bulwark-live-viewer", namespace: "payments" },
      roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "view" },
      subjects: [{ apiGroup: RBAC, kind: "User", name: "lee@lab.example" }],
    });
    const change = await waitFor("the watched change", () => db.db.accessChange.findFirst({ where: { clusterId, subjectName: "lee@lab.example", change: "added" } }), 20_000);
    expect(change).toMatchObject({ bindingName: "bulwark-live-viewer", bindingNamespace: "payments", scope: "payments", roleKind: "ClusterRole", roleName: "view" });
    // The record of that hour, if the watch made one (an access-only change may make none).
    const hour = new Date(Math.floor(change.at.getTime() / 3_600_000) * 3_600_000);
    const live = await db.db.scan.findFirst({ where: { clusterId, trigger: "live", createdAt: { gte: hour } }, orderBy: { createdAt: "desc" } });
    expect(change.scanId).toBe(live?.id ?? null);
    // Only the new binding's grants changed.
    const after = await db.db.accessChange.findMany({ where: { clusterId }, orderBy: { id: "asc" }, skip: before });
    expect(after.every((c) => c.subjectName === "lee@lab.example" && c.change === "added")).toBe(true);
    const who = (await db.whoCanQuery({ orgId, query: { verb: "list", resource: "pods", namespace: "payments" }, clusterId })).clusters[0]!.subjects;
    expect(who.find((s) => s.name === "lee@lab.example")?.via.map((v) => v.binding)).toEqual(["bulwark-live-viewer"]);
  });
});
