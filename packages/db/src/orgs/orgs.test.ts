// Users, organizations, memberships, invites, clusters and schedules against real Postgres,
// with a second organization in every case to prove nothing crosses tenants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_orgs";
type Mod = typeof import("../index");
let m: Mod;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
});
afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("users and organizations", () => {
  it("signs up a user as owner of a new org, email normalised, duplicates refused", async () => {
    const { user, org, membership } = await m.createUserWithOrganization({ email: "  Alice@Example.COM ", name: "Alice", passwordHash: "h", orgName: "Acme Corp" });
    expect(user.email).toBe("alice@example.com");
    expect(org.slug).toBe("acme-corp");
    expect(membership.role).toBe("owner");
    expect((await m.getUserByEmail("ALICE@example.com"))?.id).toBe(user.id);
    await expect(m.createUserWithOrganization({ email: "alice@example.com", passwordHash: null, orgName: "Acme Corp" })).rejects.toThrow(m.DomainError);
    const second = await m.createUserWithOrganization({ email: "bob@example.com", passwordHash: null, orgName: "Acme Corp" });
    expect(second.org.slug).not.toBe("acme-corp");
    expect((await m.listMembershipsForUser(user.id)).map((x) => x.org.name)).toEqual(["Acme Corp"]);
    await m.recordLogin(user.id);
    expect((await m.getUserById(user.id))?.lastLoginAt).not.toBeNull();
  });

  it("invites: single use, hashed at rest, role changes keep an owner", async () => {
    const { user: owner, org } = await m.createUserWithOrganization({ email: "owner@inv.test", passwordHash: null, orgName: "Inv" });
    const other = await m.createUserWithOrganization({ email: "x@other.test", passwordHash: null, orgName: "Other" });
    const { token, invite } = await m.createInvite({ orgId: org.id, role: "member", createdById: owner.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite.tokenHash).not.toContain(token);
    expect((await m.getInviteByToken(token))?.org.id).toBe(org.id);
    expect(await m.listInvites({ orgId: other.org.id })).toHaveLength(0);
    const joiner = await m.createUser({ email: "joiner@inv.test", passwordHash: null });
    const mem = await m.acceptInvite({ token, userId: joiner.id });
    expect(mem.role).toBe("member");
    await expect(m.acceptInvite({ token, userId: other.user.id })).rejects.toThrow(/invalid|used/);
    expect(await m.getInviteByToken(token)).toBeNull();

    // Revoking needs the right org.
    const second = await m.createInvite({ orgId: org.id, role: "viewer", createdById: owner.id });
    await expect(m.revokeInvite({ orgId: other.org.id, inviteId: second.invite.id, actorId: other.user.id })).rejects.toThrow(m.NotFoundError);
    await m.revokeInvite({ orgId: org.id, inviteId: second.invite.id, actorId: owner.id });
    expect(await m.getInviteByToken(second.token)).toBeNull();

    // The last owner can't be demoted or removed; with a second owner they can.
    await expect(m.changeMemberRole({ orgId: org.id, userId: owner.id, role: "admin", actorId: owner.id })).rejects.toThrow(/at least one owner/);
    await expect(m.removeMember({ orgId: org.id, userId: owner.id, actorId: owner.id })).rejects.toThrow(m.DomainError);
    await expect(m.changeMemberRole({ orgId: other.org.id, userId: joiner.id, role: "admin", actorId: other.user.id })).rejects.toThrow(m.NotFoundError);
    await m.changeMemberRole({ orgId: org.id, userId: joiner.id, role: "owner", actorId: owner.id });
    expect((await m.changeMemberRole({ orgId: org.id, userId: owner.id, role: "admin", actorId: owner.id })).role).toBe("admin");
    await m.removeMember({ orgId: org.id, userId: owner.id, actorId: joiner.id });
    expect((await m.listMembers({ orgId: org.id })).map((x) => x.user.email)).toEqual(["joiner@inv.test"]);
    const audit = await m.listAudit({ orgId: org.id, limit: 3 });
    expect(audit.items).toHaveLength(3);
    expect(audit.nextCursor).toBeDefined();
    expect((await m.listAudit({ orgId: org.id, limit: 50, cursor: audit.nextCursor })).items.length).toBeGreaterThan(0);
    expect((await m.listAudit({ orgId: other.org.id, limit: 50 })).items.every((a) => a.orgId === other.org.id)).toBe(true);
  });
});

describe("clusters", () => {
  it("creates with a daily schedule, hides credentials, scopes every read and write by org", async () => {
    const a = await m.createUserWithOrganization({ email: "a@cl.test", passwordHash: null, orgName: "A" });
    const b = await m.createUserWithOrganization({ email: "b@cl.test", passwordHash: null, orgName: "B" });
    const input = { orgId: a.org.id, actorId: a.user.id, name: "prod", server: "https://prod.example", credentialCipher: "v1.k1.secret", credentialKeyId: "k1" };
    const c = await m.createCluster(input);
    await expect(m.createCluster(input)).rejects.toThrow(/already exists/);
    const listed = await m.listClusters({ orgId: a.org.id });
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain("v1.k1.secret");
    expect(listed[0]!.schedule).toMatchObject({ enabled: true, mode: "interval", everyMinutes: 1440 });
    expect(JSON.stringify(await m.getCluster({ orgId: a.org.id, clusterId: c.id }))).not.toContain("secret");
    expect(await m.listClusters({ orgId: b.org.id })).toHaveLength(0);
    expect(await m.getCluster({ orgId: b.org.id, clusterId: c.id })).toBeNull();
    expect(await m.getClusterCredential({ orgId: b.org.id, clusterId: c.id })).toBeNull();
    expect((await m.getClusterCredential({ orgId: a.org.id, clusterId: c.id }))?.credentialCipher).toBe("v1.k1.secret");
    await expect(m.createScan({ orgId: b.org.id, clusterId: c.id, trigger: "manual" })).rejects.toThrow(m.NotFoundError);
    await expect(m.updateSchedule({ orgId: b.org.id, clusterId: c.id, actorId: b.user.id, enabled: false, mode: "interval", everyMinutes: 60 })).rejects.toThrow(m.NotFoundError);
    await expect(m.updateSchedule({ orgId: a.org.id, clusterId: c.id, actorId: a.user.id, enabled: true, mode: "cron", cron: "not a cron" })).rejects.toThrow(/cron/);
    await expect(m.updateSchedule({ orgId: a.org.id, clusterId: c.id, actorId: a.user.id, enabled: true, mode: "interval", everyMinutes: 1 })).rejects.toThrow(/everyMinutes/);
    const s = await m.updateSchedule({ orgId: a.org.id, clusterId: c.id, actorId: a.user.id, enabled: true, mode: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin" });
    expect(s).toMatchObject({ mode: "cron", cron: "0 3 * * *", timezone: "Europe/Berlin", everyMinutes: null });
    expect((await m.listSchedules()).some((x) => x.clusterId === c.id)).toBe(true);
    await expect(m.deleteCluster({ orgId: b.org.id, clusterId: c.id, actorId: b.user.id })).rejects.toThrow(m.NotFoundError);
    await m.deleteCluster({ orgId: a.org.id, clusterId: c.id, actorId: a.user.id });
    expect(await m.listClusters({ orgId: a.org.id })).toHaveLength(0);
    expect((await m.listSchedules()).some((x) => x.clusterId === c.id)).toBe(false);
  });

  it("sorts clusters worst first and creates at most one scheduled scan per cluster", async () => {
    const a = await m.createUserWithOrganization({ email: "sort@cl.test", passwordHash: null, orgName: "Sort" });
    const mk = (name: string) => m.createCluster({ orgId: a.org.id, actorId: a.user.id, name, server: "https://x", credentialCipher: "c", credentialKeyId: "k" });
    const [good, bad, fresh] = [await mk("good"), await mk("bad"), await mk("fresh")];
    await m.db.cluster.update({ where: { id: good!.id }, data: { score: 90 } });
    await m.db.cluster.update({ where: { id: bad!.id }, data: { score: 40 } });
    expect((await m.listClusters({ orgId: a.org.id })).map((c) => c.name)).toEqual(["bad", "good", "fresh"]);
    const [s1, s2] = await Promise.all([
      m.createScheduledScan({ orgId: a.org.id, clusterId: fresh!.id }),
      m.createScheduledScan({ orgId: a.org.id, clusterId: fresh!.id }),
    ]);
    expect([s1, s2].filter(Boolean)).toHaveLength(1);
    const page = await m.listScans({ orgId: a.org.id, clusterId: fresh!.id });
    expect(page.items).toHaveLength(1);
    expect((await m.listClusters({ orgId: a.org.id })).find((c) => c.name === "fresh")?.lastScan?.status).toBe("queued");
  });
});
