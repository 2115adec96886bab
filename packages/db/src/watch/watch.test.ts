// Continuous mode's data layer against real Postgres: leases (one owner per cluster even under
// races, fair across organizations, takeover after expiry), the worker registry, the hourly live
// scan record, change history and its retention.
import type { Finding as EngineFinding, KindReadResult, KubeObject, RuleStatus, Severity } from "@bulwark/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_watch";
type Mod = typeof import("../index");
let m: Mod;
const orgs: Array<{ orgId: string; userId: string }> = [];
const clusters: Array<{ id: string; orgId: string }> = [];

async function addCluster(o: { orgId: string; userId: string }, name: string) {
  const c = await m.createCluster({ orgId: o.orgId, actorId: o.userId, name, server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" });
  clusters.push({ id: c.id, orgId: o.orgId });
  return c.id;
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  for (const name of ["a", "b", "c"]) {
    const r = await m.createUserWithOrganization({ email: `watch-${name}@example.com`, passwordHash: null, orgName: `Watch ${name}` });
    orgs.push({ orgId: r.org.id, userId: r.user.id });
  }
  // Org a has 10 clusters, b 5, c 1 (created in that order: a's are the oldest).
  for (let i = 0; i < 10; i++) await addCluster(orgs[0]!, `a-${i}`);
  for (let i = 0; i < 5; i++) await addCluster(orgs[1]!, `b-${i}`);
  await addCluster(orgs[2]!, "c-0");
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

const clear = () => m.db.watchLease.deleteMany({});

describe("watch leases", () => {
  it("are taken fairly across organizations: each org's first cluster before anyone's second", async () => {
    await clear();
    const got = await m.acquireWatchLeases({ workerId: "w1", want: 3, leaseMs: 30_000 });
    expect(new Set(got.map((l) => l.orgId))).toEqual(new Set(orgs.map((o) => o.orgId)));
    const more = await m.acquireWatchLeases({ workerId: "w1", want: 100, leaseMs: 30_000 });
    expect(got.length + more.length).toBe(16);
    // Nothing left to take.
    expect(await m.acquireWatchLeases({ workerId: "w2", want: 100, leaseMs: 30_000 })).toEqual([]);
  });

  it("never give one cluster to two workers, even when many acquire at once", async () => {
    for (let round = 0; round < 5; round++) {
      await clear();
      const workers = ["w1", "w2", "w3", "w4"];
      const results = await Promise.all(workers.map((workerId) => m.acquireWatchLeases({ workerId, want: 10, leaseMs: 30_000 })));
      // A worker that lost the race for a candidate takes nothing for it (it tries again on its next tick).
      const again = await Promise.all(workers.map((workerId) => m.acquireWatchLeases({ workerId, want: 10, leaseMs: 30_000 })));
      const mine = workers.map((_, i) => [...results[i]!, ...again[i]!].map((l) => l.clusterId).sort());
      const all = mine.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(16);
      const rows = await m.db.watchLease.findMany({});
      for (const [i, w] of workers.entries()) expect(rows.filter((r) => r.workerId === w).map((r) => r.clusterId).sort()).toEqual(mine[i]);
    }
  });

  it("are taken over once expired, renewed while held, and released for others", async () => {
    await clear();
    const mine = await m.acquireWatchLeases({ workerId: "old", want: 4, leaseMs: 30_000 });
    expect(mine).toHaveLength(4);
    // Unexpired: nobody else gets them.
    const others = await m.acquireWatchLeases({ workerId: "new", want: 100, leaseMs: 30_000 });
    expect(others.map((l) => l.clusterId)).not.toContain(mine[0]!.clusterId);
    // The old worker died: its leases run out (moved into the past rather than waited for).
    await m.db.watchLease.updateMany({ where: { workerId: "old" }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const taken = await m.acquireWatchLeases({ workerId: "new", want: 100, leaseMs: 30_000 });
    expect(taken.map((l) => l.clusterId).sort()).toEqual(mine.map((l) => l.clusterId).sort());
    // The old worker's renewal finds nothing of its own left.
    expect(await m.renewWatchLeases({ workerId: "old", leaseMs: 30_000 })).toEqual([]);
    const renewed = await m.renewWatchLeases({ workerId: "new", leaseMs: 30_000 });
    expect(renewed).toHaveLength(16);
    expect(Math.min(...renewed.map((l) => l.expiresAt.getTime()))).toBeGreaterThan(Date.now() + 20_000);

    expect(await m.releaseWatchLeases({ workerId: "new", clusterIds: [mine[0]!.clusterId] })).toBe(1);
    expect((await m.acquireWatchLeases({ workerId: "third", want: 5, leaseMs: 30_000 })).map((l) => l.clusterId)).toEqual([mine[0]!.clusterId]);
    const owned = await m.listOwnedLeases({ workerId: "new" });
    expect(owned).toHaveLength(15);
    expect(owned[0]!.acquiredAt.getTime()).toBeGreaterThanOrEqual(owned.at(-1)!.acquiredAt.getTime());
    expect(await m.releaseWatchLeases({ workerId: "new" })).toBe(15);
  });

  it("renewal drops clusters whose continuous mode was turned off; deletion drops the lease", async () => {
    await clear();
    await m.acquireWatchLeases({ workerId: "w1", want: 100, leaseMs: 30_000 });
    const [off, gone] = clusters.filter((c) => c.orgId === orgs[1]!.orgId);
    await m.db.cluster.update({ where: { id: off!.id }, data: { continuous: false } });
    const renewed = await m.renewWatchLeases({ workerId: "w1", leaseMs: 30_000 });
    expect(renewed.map((l) => l.clusterId)).not.toContain(off!.id);
    expect(renewed).toHaveLength(15);
    // Not continuous: never leased again.
    await m.releaseWatchLeases({ workerId: "w1" });
    expect((await m.acquireWatchLeases({ workerId: "w2", want: 100, leaseMs: 30_000 })).map((l) => l.clusterId)).not.toContain(off!.id);
    await m.db.cluster.update({ where: { id: off!.id }, data: { continuous: true } });
    await m.db.cluster.delete({ where: { id: gone!.id } });
    clusters.splice(clusters.findIndex((c) => c.id === gone!.id), 1);
    expect((await m.renewWatchLeases({ workerId: "w2", leaseMs: 30_000 })).map((l) => l.clusterId)).not.toContain(gone!.id);
    await clear();
  });
});

describe("worker registry", () => {
  it("counts live workers and splits clusters fairly", async () => {
    await m.registerWorker({ workerId: "r1", capacity: 500 });
    await m.registerWorker({ workerId: "r2", capacity: 500 });
    let load = await m.getWatchLoad({ leaseMs: 30_000 });
    expect(load).toEqual({ clusters: 15, liveWorkers: 2 });
    expect(m.fairShare(load, 500)).toBe(8);
    expect(m.fairShare(load, 5)).toBe(5);
    // A worker whose heartbeat is older than the lease time is not live.
    await m.db.workerInstance.update({ where: { id: "r2" }, data: { heartbeatAt: new Date(Date.now() - 60_000) } });
    load = await m.getWatchLoad({ leaseMs: 30_000 });
    expect(load.liveWorkers).toBe(1);
    expect(await m.heartbeatWorker({ workerId: "r2" })).toBe(true);
    expect((await m.getWatchLoad({ leaseMs: 30_000 })).liveWorkers).toBe(2);
    await m.removeWorker({ workerId: "r2" });
    expect(await m.heartbeatWorker({ workerId: "r2" })).toBe(false);
    await m.removeWorker({ workerId: "r1" });
    expect((await m.getWatchLoad({ leaseMs: 30_000 })).liveWorkers).toBe(1);
  });
});

// --- live records -------------------------------------------------------------------------------

const pod = (name: string): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", uid: `uid-${name}` }, spec: { containers: [] } });
function finding(o: KubeObject, severity: Severity = "high"): EngineFinding {
  return {
    ruleId: "privileged",
    severity,
    object: { apiVersion: o.apiVersion, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name!, uid: o.metadata.uid },
    path: "spec.containers[0].securityContext.privileged",
    observed: "true",
    message: `privileged container in ${o.metadata.name}`,
    remediation: "drop it",
    fingerprint: `fp-${o.metadata.name}`,
  };
}
const rules = (fs: EngineFinding[]): RuleStatus[] => [{ id: "privileged", status: fs.length ? "failed" : "passed", findings: fs.length }];
const counts = (fs: EngineFinding[]) => {
  const c: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
};
const kinds: KindReadResult[] = [{ resource: "pods", kind: "Pod", status: "read", count: 1 }];
const result = (fs: EngineFinding[], objs: KubeObject[], score: number) => ({ findings: fs, rules: rules(fs), score, counts: counts(fs), objectCount: objs.length });

describe("recordLiveResults", () => {
  it("keeps one live scan per clock hour, accumulates its new/fixed counts, and records nothing for no change", async () => {
    const { orgId, userId } = orgs[2]!;
    const clusterId = await addCluster({ orgId, userId }, "live-1");
    const hour = new Date("2026-12-07T10:00:00Z");
    const at = (min: number) => new Date(hour.getTime() + min * 60_000);
    const a = pod("a");
    const b = pod("b");

    // Nothing wrong and nothing stored yet: changes are kept, but no scan row.
    const none = await m.recordLiveResults({
      orgId, clusterId, result: result([], [a], 100), kinds, objects: [a], now: at(1),
      changes: [{ type: "added", at: at(1), apiVersion: "v1", kind: "Pod", namespace: "default", name: "a", uid: "uid-a", manager: "kubectl-create", resourceVersion: "5" }],
    });
    expect(none).toMatchObject({ changed: true, created: true }); // the score moved from none to 100
    const first = none!.scanId!;
    const quiet = await m.recordLiveResults({ orgId, clusterId, result: result([], [a], 100), kinds, objects: [a], now: at(2) });
    expect(quiet).toMatchObject({ scanId: first, changed: false, created: false });

    const r1 = await m.recordLiveResults({
      orgId, clusterId, result: result([finding(a)], [a], 80), kinds, objects: [a], now: at(5),
      changes: [{ type: "modified", at: at(5), apiVersion: "v1", kind: "Pod", namespace: "default", name: "a", manager: "kubectl-edit", fields: ["spec.containers[a].securityContext.privileged"] }],
    });
    expect(r1).toMatchObject({ scanId: first, changed: true, created: false });
    const r2 = await m.recordLiveResults({ orgId, clusterId, result: result([finding(a), finding(b, "critical")], [a, b], 60), kinds, objects: [a, b], now: at(9) });
    const r3 = await m.recordLiveResults({ orgId, clusterId, result: result([finding(b, "critical")], [a, b], 70), kinds, objects: [a, b], now: at(20) });
    expect([r2?.scanId, r3?.scanId]).toEqual([first, first]);

    const scan = await m.db.scan.findUniqueOrThrow({ where: { id: first } });
    expect(scan).toMatchObject({ trigger: "live", status: "succeeded", newCount: 2, fixedCount: 1, openCount: 1, critical: 1, high: 0, score: 70 });
    const cluster = await m.db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(cluster).toMatchObject({ lastScanId: first, score: 70 });
    expect(cluster.liveUpdatedAt?.toISOString()).toBe(at(20).toISOString());
    const fa = await m.db.finding.findFirstOrThrow({ where: { clusterId, fingerprint: "fp-a" } });
    expect([fa.status, fa.firstSeenScanId]).toEqual(["resolved", first]);

    // The next hour starts a new record; its first change that changes nothing creates none.
    const next = await m.recordLiveResults({
      orgId, clusterId, result: result([finding(b, "critical")], [a, b], 70), kinds, objects: [a, b], now: at(61),
      changes: [{ type: "deleted", at: at(61), apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "cm" }],
    });
    expect(next).toMatchObject({ scanId: null, changed: false });
    const reopen = await m.recordLiveResults({ orgId, clusterId, result: result([finding(a), finding(b, "critical")], [a, b], 60), kinds, objects: [a, b], now: at(62) });
    expect(reopen?.created).toBe(true);
    expect(reopen?.scanId).not.toBe(first);
    const s2 = await m.db.scan.findUniqueOrThrow({ where: { id: reopen!.scanId! } });
    expect([s2.newCount, s2.reopenedCount, s2.openCount]).toEqual([0, 1, 2]);
    expect(await m.db.scan.count({ where: { clusterId } })).toBe(2);

    const changes = await m.db.clusterChange.findMany({ where: { clusterId }, orderBy: { at: "asc" } });
    expect(changes.map((c) => [c.type, c.kind, c.name, c.manager, c.scanId])).toEqual([
      ["added", "Pod", "a", "kubectl-create", first],
      ["modified", "Pod", "a", "kubectl-edit", first],
      ["deleted", "ConfigMap", "cm", null, null],
    ]);
    expect(changes[1]!.fields).toEqual(["spec.containers[a].securityContext.privileged"]);
    expect(changes[0]!.fields).toEqual([]);
  });

  it("and a full scan of the same cluster record through the same ingestion", async () => {
    const { orgId, userId } = orgs[2]!;
    const clusterId = await addCluster({ orgId, userId }, "live-2");
    const a = pod("a");
    const live = await m.recordLiveResults({ orgId, clusterId, result: result([finding(a)], [a], 80), kinds, objects: [a] });
    const s = await m.createScan({ orgId, clusterId, trigger: "manual" });
    await m.claimScan({ orgId, scanId: s.id, workerId: "w" });
    const full = await m.recordScanResults({ orgId, scanId: s.id, workerId: "w", result: result([finding(a)], [a], 80), kinds, objects: [a] });
    expect(full?.stats).toMatchObject({ inserted: 0, updated: 0, resolved: 0 });
    const f = await m.db.finding.findFirstOrThrow({ where: { clusterId } });
    expect([f.firstSeenScanId, f.status]).toEqual([live!.scanId, "open"]);
    expect(await m.listUnresolvedFindingKeys({ orgId, clusterId })).toEqual(new Set(["fp-a high"]));
    // Another organization's id finds nothing.
    expect(await m.recordLiveResults({ orgId: orgs[0]!.orgId, clusterId, result: result([], [], 100), kinds, objects: [] })).toBeNull();
  });
});

describe("change history", () => {
  it("is pruned per organization's retention, in batches", async () => {
    const [a, b] = [orgs[0]!, orgs[1]!];
    const ca = clusters.find((c) => c.orgId === a.orgId)!.id;
    const cb = clusters.find((c) => c.orgId === b.orgId)!.id;
    await m.db.organization.update({ where: { id: a.orgId }, data: { changeRetentionDays: 7 } });
    const now = new Date("2027-03-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const mk = (n: number, at: Date) => Array.from({ length: n }, (_, i) => ({ type: "modified" as const, at, apiVersion: "v1", kind: "ConfigMap", namespace: "x", name: `cm-${i}`, fields: ["data.k"] }));
    await m.recordClusterChanges({ orgId: a.orgId, clusterId: ca, scanId: null, changes: [...mk(25, daysAgo(8)), ...mk(3, daysAgo(6))] });
    await m.recordClusterChanges({ orgId: b.orgId, clusterId: cb, scanId: null, changes: [...mk(4, daysAgo(8)), ...mk(2, daysAgo(91))] });
    expect(await m.pruneClusterChanges({ now, batch: 10 })).toBe(27);
    expect(await m.db.clusterChange.count({ where: { clusterId: ca } })).toBe(3);
    expect(await m.db.clusterChange.count({ where: { clusterId: cb } })).toBe(4);
    expect(await m.pruneClusterChanges({ now, batch: 10 })).toBe(0);
  });

  it("keeps field paths compact and the watch state on the cluster", async () => {
    const { orgId } = orgs[0]!;
    const clusterId = clusters.find((c) => c.orgId === orgId)!.id;
    const fields = Array.from({ length: 100 }, (_, i) => `data.key-${i}`);
    await m.recordClusterChanges({ orgId, clusterId, scanId: null, changes: [{ type: "modified", at: new Date(), apiVersion: "v1", kind: "Secret", namespace: "x", name: "s", fields }] });
    const row = await m.db.clusterChange.findFirstOrThrow({ where: { clusterId, kind: "Secret" } });
    expect(row.fields).toHaveLength(m.MAX_CHANGE_FIELDS);
    await m.setWatchState({ orgId, clusterId, state: "fallback", error: "may not watch pods" });
    await m.setWatchState({ orgId: orgs[1]!.orgId, clusterId, state: "live" }); // wrong org: no effect
    const c = await m.db.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect([c.watchState, c.watchError]).toEqual(["fallback", "may not watch pods"]);
  });
});
