// The audit trail's reading side and in-app notifications against real Postgres, with a second
// organization in every case to prove nothing crosses tenants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_alerts_audit";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let alice: string;
let bob: string;
let outsider: string;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "alice@audit.test", passwordHash: null, orgName: "Audit A" });
  const b = await m.createUserWithOrganization({ email: "olga@audit.test", passwordHash: null, orgName: "Audit B" });
  orgId = a.org.id;
  alice = a.user.id;
  otherOrgId = b.org.id;
  outsider = b.user.id;
  const bobUser = await m.createUser({ email: "bob@audit.test", passwordHash: null });
  bob = bobUser.id;
  await m.db.membership.create({ data: { orgId, userId: bob, role: "member" } });
  // A fixed set of rows: several share one timestamp, so the keyset must break ties by id.
  const t0 = new Date("2026-03-10T12:00:00Z");
  const rows = [
    { actorId: alice, action: "cluster.create", targetType: "cluster", targetId: "c1", createdAt: t0 },
    { actorId: alice, action: "cluster.delete", targetType: "cluster", targetId: "c1", createdAt: t0 },
    { actorId: bob, action: "scan.request", targetType: "scan", targetId: "s1", createdAt: t0 },
    { actorId: bob, action: "scan.request", targetType: "scan", targetId: "s2", createdAt: new Date("2026-03-11T08:00:00Z") },
    { actorId: alice, action: "channel.create", targetType: "channel", targetId: "ch1", createdAt: new Date("2026-03-12T23:59:00Z") },
    { actorId: null, action: "exception.expire", targetType: "exception", targetId: "e1", createdAt: new Date("2026-03-13T00:00:00Z") },
  ];
  await m.db.auditLog.deleteMany({ where: { orgId } });
  await m.db.auditLog.createMany({ data: rows.map((r) => ({ ...r, orgId, ip: "203.0.113.1" })) });
  await m.db.auditLog.create({ data: { orgId: otherOrgId, actorId: outsider, action: "cluster.create", targetType: "cluster", targetId: "cB" } });
});
afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("listAudit", () => {
  it("pages newest first through equal timestamps without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await m.listAudit({ orgId, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const all = await m.listAudit({ orgId, limit: 50 });
    expect(all.items.map((r) => r.id)).toEqual(seen);
    expect(all.items[0]!.action).toBe("exception.expire");
    expect(all.items.every((r) => r.orgId === orgId)).toBe(true);
    expect(all.items.find((r) => r.actorId === alice)?.actor?.email).toBe("alice@audit.test");
  });

  it("filters by action, action family, actor, target and date range", async () => {
    const actions = async (f: Parameters<Mod["listAudit"]>[0]) => (await m.listAudit(f)).items.map((r) => r.action);
    expect(await actions({ orgId, action: "scan.request" })).toEqual(["scan.request", "scan.request"]);
    expect((await actions({ orgId, action: "cluster." })).sort()).toEqual(["cluster.create", "cluster.delete"]);
    expect((await actions({ orgId, action: "cluster.*" })).sort()).toEqual(["cluster.create", "cluster.delete"]);
    expect(await actions({ orgId, actorId: bob })).toEqual(["scan.request", "scan.request"]);
    expect((await actions({ orgId, targetId: "c1" })).sort()).toEqual(["cluster.create", "cluster.delete"]);
    expect(await actions({ orgId, targetType: "channel" })).toEqual(["channel.create"]);
    expect(await actions({ orgId, from: new Date("2026-03-11T00:00:00Z"), to: new Date("2026-03-13T00:00:00Z") })).toEqual(["channel.create", "scan.request"]);
    // another organization's rows never show, whatever the filter
    expect(await actions({ orgId, targetId: "cB" })).toEqual([]);
    expect(await actions({ orgId: otherOrgId })).toEqual(expect.arrayContaining(["cluster.create"]));
    expect((await m.listAudit({ orgId: otherOrgId, limit: 50 })).items.some((r) => r.targetId === "c1")).toBe(false);
  });

  it("a cursor that is garbage or from another organization yields only this organization's rows", async () => {
    const other = await m.listAudit({ orgId: otherOrgId, limit: 1 });
    const page = await m.listAudit({ orgId, limit: 50, cursor: "not-a-cursor" });
    expect(page.items).toHaveLength(6);
    expect((await m.listAudit({ orgId, limit: 50, ...(other.nextCursor ? { cursor: other.nextCursor } : {}) })).items.every((r) => r.orgId === orgId)).toBe(true);
  });

  it("iterates every matching row in batches for export", async () => {
    const ids: string[] = [];
    for await (const r of m.iterateAudit({ orgId, batch: 1 })) ids.push(r.id);
    expect(ids).toEqual((await m.listAudit({ orgId, limit: 50 })).items.map((r) => r.id));
    const scans: string[] = [];
    for await (const r of m.iterateAudit({ orgId, action: "scan.request", batch: 1 })) scans.push(r.targetId!);
    expect(scans).toEqual(["s2", "s1"]);
    expect(await m.listAuditActions({ orgId })).toEqual(["channel.create", "cluster.create", "cluster.delete", "exception.expire", "scan.request"]);
  });

  it("records a sign-in in every organization of the user, with the address", async () => {
    await m.recordSignInAudit({ userId: bob, ok: false, method: "password", ip: "192.0.2.9" });
    const rows = await m.listAudit({ orgId, action: "auth.sign_in_failed" });
    expect(rows.items).toHaveLength(1);
    expect(rows.items[0]).toMatchObject({ actorId: bob, ip: "192.0.2.9" });
    expect((await m.listAudit({ orgId: otherOrgId, action: "auth." })).items).toHaveLength(0);
  });
});

describe("notifications", () => {
  it("go to members only, list newest first with an unread count, and are marked read by their owner only", async () => {
    expect(await m.createNotification({ orgId, userId: outsider, kind: "assigned", title: "leak?" })).toBeNull();
    const n1 = await m.createNotification({ orgId, userId: bob, kind: "assigned", title: "Assigned to you: one", link: "/findings/x" });
    const n2 = await m.createNotification({ orgId, userId: bob, kind: "exception.expiring", title: "Expires soon", link: "https://evil.example/" });
    expect(n1 && n2).toBeTruthy();
    const list = await m.listNotifications({ orgId, userId: bob });
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.title)).toEqual(["Expires soon", "Assigned to you: one"]);
    // only in-app paths are kept as links
    expect(list.items[0]!.link).toBeNull();
    expect((await m.listNotifications({ orgId: otherOrgId, userId: bob })).items).toHaveLength(0);
    // someone else cannot mark Bob's notifications read
    expect(await m.markNotificationsRead({ orgId, userId: alice, ids: [n1!.id] })).toBe(0);
    expect(await m.markNotificationsRead({ orgId, userId: bob, ids: [n1!.id] })).toBe(1);
    expect(await m.countUnreadNotifications({ orgId, userId: bob })).toBe(1);
    expect(await m.markNotificationsRead({ orgId, userId: bob })).toBe(1);
    expect(await m.countUnreadNotifications({ orgId, userId: bob })).toBe(0);
  });
});
