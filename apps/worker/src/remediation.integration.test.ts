// A finding's whole life over several scans, end to end: kube-sim over HTTPS, the real reader,
// engine and scan processor, real Postgres. It appears (with an SLA due date), is assigned, is
// fixed in the simulated cluster and resolves on rescan, is broken again and comes back as
// reopened with a fresh due date; a partial scan resolves nothing it could not read; each scan's
// diff names exactly what changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, scenarios, type KubeSim } from "@bulwark/kube-sim";
import { encryptCredential, parseKeyring } from "@bulwark/security";
import type { WorkerContext } from "./context";
import { dropDatabase, freshDatabase, testSecretKey } from "./test-helpers";

const DB = "bulwark_be_queue_life";
const SECRET = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  BULWARK_QUEUE_PREFIX: "queue",
  BULWARK_SECRET_KEY: SECRET,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
});

type Db = typeof import("@bulwark/db");
type W = typeof import("./index");
let db: Db;
let w: W;
let sim: KubeSim;
let orgId: string;
let ownerId: string;
let memberId: string;
let clusterId: string;
const keyring = parseKeyring(SECRET);
const DAY = 86_400_000;
const SLA = { critical: 7, high: 30, medium: 90, low: 180, info: null } as const;

const ctx: WorkerContext = { workerId: "queue-life", keyring, allowPrivateNetworks: true, staleMs: 30_000, scanDeadlineMs: 60_000, log: () => {} };

const pod = (name: string, privileged: boolean) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", image: "busybox:1.36", securityContext: { privileged } }] },
});

async function scan() {
  const s = await db.createScan({ orgId, clusterId, trigger: "manual", actorId: ownerId });
  const res = await w.processScan({ data: { orgId, clusterId, scanId: s.id, trigger: "manual" } }, ctx);
  expect(res.outcome, JSON.stringify(res)).not.toBe("failed");
  return (await db.getScan({ orgId, scanId: s.id }))!;
}

const privilegedFinding = (name: string) =>
  db.db.finding.findFirst({ where: { orgId, clusterId, name, path: { contains: "privileged" } } });

beforeAll(async () => {
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  w = await import("./index");
  const { user, org } = await db.createUserWithOrganization({ email: "life-owner@example.com", passwordHash: null, orgName: "Life" });
  orgId = org.id;
  ownerId = user.id;
  memberId = (await db.createUser({ email: "life-member@example.com", name: "Lee Member", passwordHash: null })).id;
  await db.db.membership.create({ data: { orgId, userId: memberId, role: "member" } });
  const shop = scenarios["shop-staging"]!();
  sim = await startKubeSim({ objects: shop.objects, version: shop.version });
  sim.store.apply(pod("life-debug", true));
  const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "admin" }), keyring);
  clusterId = (await db.createCluster({ orgId, actorId: ownerId, name: "life", server: sim.url, credentialCipher: ciphertext, credentialKeyId: keyId })).id;
}, 60_000);

afterAll(async () => {
  await db?.disconnectDb();
  await sim?.close();
  await dropDatabase(DB).catch(() => {});
});

describe("a finding's life across scans", () => {
  let findingId: string;
  let firstScanId: string;

  it("appears on the first scan with a due date from the SLA policy", async () => {
    const s1 = await scan();
    firstScanId = s1.id;
    expect(s1.status).toBe("succeeded");
    const f = await privilegedFinding("life-debug");
    expect(f, "the engine flags the privileged container").not.toBeNull();
    findingId = f!.id;
    expect(f!.status).toBe("open");
    expect(f!.firstSeenScanId).toBe(s1.id);
    const days = SLA[f!.severity];
    expect(days).not.toBeNull();
    expect(f!.dueAt!.getTime()).toBe(f!.firstSeenAt.getTime() + days! * DAY);
    // Every finding follows the policy; info ones and those expected for a platform component have no due date.
    const all = await db.db.finding.findMany({ where: { clusterId } });
    expect(all.some((r) => r.baselineId)).toBe(true);
    for (const r of all) {
      const d = r.baselineId ? null : SLA[r.severity];
      expect(r.dueAt?.getTime() ?? null).toBe(d === null ? null : r.firstSeenAt.getTime() + d * DAY);
    }
    const diff = await db.getScanDiff({ orgId, scanId: s1.id, limit: 1000 });
    expect(diff!.previous).toBeNull();
    expect(diff!.totals.new).toBe(all.length);
    expect(diff!.new.map((x) => x.id)).toContain(findingId);
  });

  it("is assigned: an event, an audit row and the assignee's notification", async () => {
    await db.assignFinding({ orgId, findingId, actorId: ownerId, assigneeId: memberId, ip: "203.0.113.7" });
    const events = await db.listFindingEvents({ orgId, findingId });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["assigned", ownerId]]);
    const audit = await db.db.auditLog.findFirstOrThrow({ where: { orgId, action: "finding.assign", targetId: findingId } });
    expect(audit.ip).toBe("203.0.113.7");
    const note = await db.db.notification.findFirstOrThrow({ where: { orgId, userId: memberId } });
    expect([note.kind, note.link]).toEqual(["assigned", `/findings/${findingId}`]);
    const mine = await db.listQueue({ orgId, assignee: memberId });
    expect(mine.items.map((x) => x.id)).toEqual([findingId]);
    await db.updateFindingStatus({ orgId, findingId, actorId: memberId, status: "in_progress" });
  });

  it("is fixed in the cluster and resolves on rescan; a new problem shows as new", async () => {
    sim.store.apply(pod("life-debug", false));
    sim.store.apply(pod("life-new", true));
    const s2 = await scan();
    expect(s2.status).toBe("succeeded");
    const f = await db.db.finding.findUniqueOrThrow({ where: { id: findingId } });
    expect(f.status).toBe("resolved");
    expect(f.resolvedAt).not.toBeNull();
    expect(f.assigneeId).toBe(memberId);
    const ev = await db.db.findingEvent.findFirstOrThrow({ where: { findingId, type: "resolved" } });
    expect([ev.scanId, ev.actorId]).toEqual([s2.id, null]);
    const diff = await db.getScanDiff({ orgId, scanId: s2.id, limit: 1000 });
    expect(diff!.previous?.id).toBe(firstScanId);
    expect(diff!.fixed.map((x) => x.id)).toEqual([findingId]);
    expect(diff!.new.length).toBeGreaterThan(0);
    expect(diff!.new.every((x) => x.name === "life-new")).toBe(true);
    expect(diff!.reopened).toEqual([]);
    expect(s2.fixedCount).toBe(1);
    expect(s2.newCount).toBe(diff!.totals.new);
    // It left the queue.
    expect((await db.listQueue({ orgId, assignee: memberId })).items).toEqual([]);
  });

  it("comes back as reopened when broken again, with a fresh due date, still assigned", async () => {
    const before = await db.db.finding.findUniqueOrThrow({ where: { id: findingId } });
    sim.store.apply(pod("life-debug", true));
    const t0 = Date.now();
    const s3 = await scan();
    const f = await db.db.finding.findUniqueOrThrow({ where: { id: findingId } });
    expect(f.status).toBe("reopened");
    expect(f.resolvedAt).toBeNull();
    expect(f.assigneeId).toBe(memberId);
    expect(f.dueAt!.getTime()).toBeGreaterThanOrEqual(t0 + SLA[f.severity]! * DAY - 1000);
    expect(f.dueAt!.getTime()).toBeGreaterThan(before.dueAt!.getTime());
    const diff = await db.getScanDiff({ orgId, scanId: s3.id });
    expect(diff!.reopened.map((x) => x.id)).toEqual([findingId]);
    expect(diff!.totals).toEqual({ new: 0, fixed: 0, reopened: 1 });
    expect(s3.reopenedCount).toBe(1);
    const types = (await db.listFindingEvents({ orgId, findingId })).map((e) => e.type);
    expect(types).toEqual(["assigned", "status", "resolved", "reopened"]);
    // Back in the assignee's queue, and an unchanged rescan changes nothing.
    expect((await db.listQueue({ orgId, assignee: memberId })).items.map((x) => x.id)).toEqual([findingId]);
    const s4 = await scan();
    expect([s4.newCount, s4.fixedCount, s4.reopenedCount]).toEqual([0, 0, 0]);
    expect((await db.getScanDiff({ orgId, scanId: s4.id }))!.stillOpen).toBe(s4.openCount);
  });

  it("a partial scan (Secrets forbidden) resolves nothing of the kinds and rules it could not judge", async () => {
    sim.store.apply({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "life-secret-ref", namespace: "default" },
      spec: { containers: [{ name: "c", image: "busybox:1.36", env: [{ name: "PW", valueFrom: { secretKeyRef: { name: "life-missing", key: "pw" } } }] }] },
    });
    // The missing-reference rule runs in the strict profile (the organization's policy).
    await db.updatePolicy({ orgId, actorId: ownerId, policy: { profile: "strict" } });
    const full = await scan();
    expect(full.status).toBe("succeeded");
    const unresolved = await db.db.finding.findMany({ where: { clusterId, status: { not: "resolved" } } });
    const { ciphertext, keyId } = encryptCredential(sim.kubeconfig({ identity: "no-secrets" }), keyring);
    await db.db.cluster.update({ where: { id: clusterId }, data: { credentialCipher: ciphertext, credentialKeyId: keyId } });
    const partial = await scan();
    expect(partial.status).toBe("partial");
    const rules = partial.rules as Array<{ id: string; status: string }>;
    const notEvaluated = new Set(rules.filter((r) => r.status === "not-evaluated").map((r) => r.id));
    const unjudged = unresolved.filter((f) => f.kind === "Secret" || notEvaluated.has(f.ruleId));
    expect(unjudged.length, "the scenario has findings the partial scan cannot judge").toBeGreaterThan(0);
    const after = await db.db.finding.findMany({ where: { id: { in: unjudged.map((f) => f.id) } } });
    expect(after.every((f) => f.status !== "resolved")).toBe(true);
    expect(partial.fixedCount).toBe(0);
    expect((await db.getScanDiff({ orgId, scanId: partial.id }))!.fixed).toEqual([]);
    expect(await db.db.findingEvent.count({ where: { scanId: partial.id, type: "resolved" } })).toBe(0);
  });

  it("an SLA change moves every open due date, keeping each finding's clock", async () => {
    const before = await db.db.finding.findUniqueOrThrow({ where: { id: findingId } });
    await db.updateSlaPolicy({ orgId, actorId: ownerId, policy: { critical: 2, high: 10, medium: 30, low: 60, info: null } });
    const after = await db.db.finding.findUniqueOrThrow({ where: { id: findingId } });
    const newDays = { critical: 2, high: 10, medium: 30, low: 60 }[after.severity as "critical" | "high" | "medium" | "low"];
    expect(after.dueAt!.getTime()).toBe(before.dueAt!.getTime() - SLA[after.severity]! * DAY + newDays * DAY);
    // Another organization sees none of it.
    const other = await db.createUserWithOrganization({ email: "life-other@example.com", passwordHash: null, orgName: "Other" });
    expect((await db.listQueue({ orgId: other.org.id })).items).toEqual([]);
    expect(await db.getScanDiff({ orgId: other.org.id, scanId: firstScanId })).toBeNull();
    await expect(db.assignFinding({ orgId: other.org.id, findingId, actorId: other.user.id, assigneeId: null })).rejects.toThrow(/not found/);
  });
});
