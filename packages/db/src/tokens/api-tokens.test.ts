// Organization API tokens against real Postgres: stored hashed, shown once, scoped to their
// organization, refused once revoked or expired or when the creator left, last use throttled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_api_tokens";
type Mod = typeof import("../index");
let m: Mod;
let orgId: string;
let otherOrgId: string;
let alice: string;
let outsider: string;

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
  const a = await m.createUserWithOrganization({ email: "alice@tokens.test", passwordHash: null, orgName: "Tokens A" });
  const b = await m.createUserWithOrganization({ email: "olga@tokens.test", passwordHash: null, orgName: "Tokens B" });
  orgId = a.org.id;
  alice = a.user.id;
  otherOrgId = b.org.id;
  outsider = b.user.id;
});

afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB);
});

describe("API tokens", () => {
  it("stores only the hash and a display prefix, and audits the creation", async () => {
    const { token, view } = await m.createApiToken({ orgId, createdById: alice, name: "CI", scopes: ["scan", "scan", "read"], expiresInDays: 30 });
    expect(token).toMatch(/^bwk_[A-Za-z0-9_-]{43}$/);
    expect(view.scopes).toEqual(["scan", "read"]);
    const row = await m.db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.tokenHash).toBe(m.hashApiToken(token));
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(16);
    const audit = await m.db.auditLog.findFirst({ where: { orgId, action: "token.create", targetId: view.id } });
    expect(audit?.actorId).toBe(alice);
    expect(JSON.stringify(audit?.data)).not.toContain(token);
  });

  it("resolves a token to its organization and creator, and records the use at most once a minute", async () => {
    const { token, view } = await m.createApiToken({ orgId, createdById: alice, name: "reader", scopes: ["read"], expiresInDays: null });
    const t0 = new Date();
    const r = await m.resolveApiToken(token, t0);
    expect(r).toMatchObject({ tokenId: view.id, orgId, scopes: ["read"], role: "owner", user: { id: alice } });
    const used = await m.db.apiToken.findUniqueOrThrow({ where: { id: view.id } });
    expect(used.lastUsedAt?.getTime()).toBe(t0.getTime());
    await m.resolveApiToken(token, new Date(t0.getTime() + 30_000));
    expect((await m.db.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt?.getTime()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + 61_000);
    await m.resolveApiToken(token, later);
    expect((await m.db.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt?.getTime()).toBe(later.getTime());
  });

  it("refuses unknown, malformed, revoked and expired tokens", async () => {
    expect(await m.resolveApiToken("bwk_" + "A".repeat(43))).toBeNull();
    expect(await m.resolveApiToken("not-a-token")).toBeNull();
    const { token, view } = await m.createApiToken({ orgId, createdById: alice, name: "short", scopes: ["read"], expiresInDays: 1 });
    expect(await m.resolveApiToken(token)).not.toBeNull();
    expect(await m.resolveApiToken(token, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    await m.revokeApiToken({ orgId, tokenId: view.id, actorId: alice });
    expect(await m.resolveApiToken(token)).toBeNull();
    expect(await m.db.auditLog.count({ where: { orgId, action: "token.revoke", targetId: view.id } })).toBe(1);
    // Revoking twice, or from another organization, is "not found".
    await expect(m.revokeApiToken({ orgId, tokenId: view.id, actorId: alice })).rejects.toBeInstanceOf(m.NotFoundError);
  });

  it("keeps tokens to their organization", async () => {
    const { view } = await m.createApiToken({ orgId, createdById: alice, name: "mine", scopes: ["read"], expiresInDays: null });
    await expect(m.revokeApiToken({ orgId: otherOrgId, tokenId: view.id, actorId: outsider })).rejects.toBeInstanceOf(m.NotFoundError);
    expect((await m.listApiTokens({ orgId: otherOrgId })).map((t) => t.id)).not.toContain(view.id);
    expect((await m.listApiTokens({ orgId })).map((t) => t.id)).toContain(view.id);
  });

  it("stops working when its creator leaves the organization", async () => {
    const bob = await m.createUser({ email: "bob@tokens.test", passwordHash: null });
    await m.db.membership.create({ data: { orgId, userId: bob.id, role: "admin" } });
    const { token } = await m.createApiToken({ orgId, createdById: bob.id, name: "bob's", scopes: ["admin"], expiresInDays: null });
    expect((await m.resolveApiToken(token))?.role).toBe("admin");
    await m.db.membership.delete({ where: { orgId_userId: { orgId, userId: bob.id } } });
    expect(await m.resolveApiToken(token)).toBeNull();
  });

  it("refuses bad names, no scopes and out-of-range expiry", async () => {
    await expect(m.createApiToken({ orgId, createdById: alice, name: " ", scopes: ["read"], expiresInDays: 1 })).rejects.toBeInstanceOf(m.DomainError);
    await expect(m.createApiToken({ orgId, createdById: alice, name: "x", scopes: [], expiresInDays: 1 })).rejects.toBeInstanceOf(m.DomainError);
    await expect(m.createApiToken({ orgId, createdById: alice, name: "x", scopes: ["read"], expiresInDays: 0 })).rejects.toBeInstanceOf(m.DomainError);
  });
});
