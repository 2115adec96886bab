// Account takeover and revocation rules against real Postgres: OIDC identities are matched on
// (issuer, subject), email only counts when verified and never joins a password account; the
// first-user rule holds under concurrent sign-ups; session versions move on revocation; member
// changes re-check the actor on locked rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../test-db";

const DB = "bulwark_be_accounts";
type Mod = typeof import("../index");
let m: Mod;
const ISS = "https://idp.example.test";
const open = { signUp: "open" as const, orgName: "SSO org" };

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("../index");
});
afterAll(async () => {
  await m?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("first user of a fresh install", () => {
  it("exactly one of ten concurrent invite-only sign-ups creates the first organization", async () => {
    const tries = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => m.createUserWithOrganization({ email: `first${i}@fresh.test`, passwordHash: "h", orgName: `First ${i}`, onlyFirstUser: true })),
    );
    expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
    const refused = tries.filter((t): t is PromiseRejectedResult => t.status === "rejected");
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toBeInstanceOf(m.SignUpClosedError);
    expect(await m.countUsers()).toBe(1);
  });
});

describe("OIDC sign-in", () => {
  it("attacker registered the victim's email with a password first: the victim's SSO sign-in does not join that account", async () => {
    const attacker = await m.createUserWithOrganization({ email: "victim@corp.test", passwordHash: "attacker-hash", orgName: "Trap" });
    const r = await m.resolveOidcSignIn({ issuer: ISS, subject: "victim-sub", email: "Victim@corp.test", emailVerified: true }, open);
    expect(r).toEqual({ kind: "refused", reason: "password-account" });
    expect((await m.getUserById(attacker.user.id))?.oidcSubject).toBeNull();
  });

  it("attacker's IdP account claiming the victim's email (unverified) gets neither the account nor a new one", async () => {
    const victim = await m.resolveOidcSignIn({ issuer: ISS, subject: "real-sub", email: "ceo@corp.test", emailVerified: true }, open);
    expect(victim).toMatchObject({ kind: "user", created: true });
    for (const emailVerified of [false, "true", undefined, 1]) {
      expect(await m.resolveOidcSignIn({ issuer: ISS, subject: "evil-sub", email: "ceo@corp.test", emailVerified }, open)).toEqual({ kind: "refused", reason: "email-unverified" });
    }
    // Even verified, a second identity never takes over an account that has one.
    expect(await m.resolveOidcSignIn({ issuer: ISS, subject: "evil-sub", email: "ceo@corp.test", emailVerified: true }, open)).toEqual({ kind: "refused", reason: "linked-elsewhere" });
    // The same subject from another issuer is another person.
    expect(await m.resolveOidcSignIn({ issuer: "https://other-idp.test", subject: "real-sub", email: "ceo@corp.test", emailVerified: true }, open)).toEqual({ kind: "refused", reason: "linked-elsewhere" });
    // The real identity still signs in, whatever email the IdP now reports.
    const again = await m.resolveOidcSignIn({ issuer: ISS, subject: "real-sub", email: "renamed@corp.test", emailVerified: false }, open);
    expect(again.kind === "user" && victim.kind === "user" && again.user.id === victim.user.id).toBe(true);
  });

  it("no email, closed sign-up and the first-user rule refuse creating an account", async () => {
    expect(await m.resolveOidcSignIn({ issuer: ISS, subject: "s1", emailVerified: true }, open)).toEqual({ kind: "refused", reason: "no-email" });
    expect(await m.resolveOidcSignIn({ issuer: ISS, subject: "s2", email: "n@corp.test", emailVerified: true }, { signUp: "closed", orgName: "x" })).toEqual({ kind: "refused", reason: "sign-up-closed" });
    expect(await m.resolveOidcSignIn({ issuer: ISS, subject: "s3", email: "n@corp.test", emailVerified: true }, { signUp: "first-user-only", orgName: "x" })).toEqual({ kind: "refused", reason: "sign-up-closed" });
    expect(await m.getUserByEmail("n@corp.test")).toBeNull();
  });

  it("a password account joins an identity only through an explicit link, and an identity has one account", async () => {
    const { user } = await m.createUserWithOrganization({ email: "linker@corp.test", passwordHash: "h", orgName: "Linker" });
    await m.linkOidcIdentity({ userId: user.id, issuer: ISS, subject: "linker-sub" });
    const r = await m.resolveOidcSignIn({ issuer: ISS, subject: "linker-sub", email: "linker@corp.test", emailVerified: true }, open);
    expect(r.kind === "user" && r.user.id).toBe(user.id);
    const other = await m.createUserWithOrganization({ email: "other@corp.test", passwordHash: "h", orgName: "Other" });
    await expect(m.linkOidcIdentity({ userId: other.user.id, issuer: ISS, subject: "linker-sub" })).rejects.toThrow(/already linked/);
    expect((await m.getUserByOidcSubject(ISS, "linker-sub"))?.id).toBe(user.id);
  });

  it("links made before issuers were stored are adopted by subject", async () => {
    const legacy = await m.createUser({ email: "legacy@corp.test", passwordHash: null, oidcSubject: "legacy-sub" });
    const r = await m.resolveOidcSignIn({ issuer: ISS, subject: "legacy-sub", email: "legacy@corp.test" }, open);
    expect(r.kind === "user" && r.user.id).toBe(legacy.id);
    expect((await m.getUserById(legacy.id))?.oidcIssuer).toBe(ISS);
  });
});

describe("sessions", () => {
  it("revoking and changing the password raise the session version", async () => {
    const { user } = await m.createUserWithOrganization({ email: "sess@corp.test", passwordHash: "h", orgName: "Sess" });
    expect(user.sessionVersion).toBe(0);
    expect(await m.revokeSessions(user.id)).toBe(1);
    expect(await m.setPasswordHash({ userId: user.id, passwordHash: "h2" })).toBe(2);
    expect((await m.getUserById(user.id))?.passwordHash).toBe("h2");
  });
});

describe("member changes re-check the actor on locked rows", () => {
  it("an admin cannot demote or remove an owner, nor act once no longer an admin", async () => {
    const { user: owner, org } = await m.createUserWithOrganization({ email: "o@roles.test", passwordHash: "h", orgName: "Roles" });
    const admin = await m.createUser({ email: "a@roles.test", passwordHash: "h" });
    const second = await m.createUser({ email: "s@roles.test", passwordHash: "h" });
    const member = await m.createUser({ email: "m@roles.test", passwordHash: "h" });
    for (const [u, role] of [[admin, "admin"], [second, "admin"], [member, "member"]] as const) {
      const { token } = await m.createInvite({ orgId: org.id, role, createdById: owner.id });
      await m.acceptInvite({ token, userId: u.id });
    }
    await m.changeMemberRole({ orgId: org.id, userId: second.id, role: "owner", actorId: owner.id });
    await expect(m.changeMemberRole({ orgId: org.id, userId: second.id, role: "viewer", actorId: admin.id })).rejects.toThrow(/only owners/);
    await expect(m.removeMember({ orgId: org.id, userId: second.id, actorId: admin.id })).rejects.toThrow(/only owners/);
    await expect(m.changeMemberRole({ orgId: org.id, userId: member.id, role: "owner", actorId: admin.id })).rejects.toThrow(/only owners/);
    await expect(m.changeMemberRole({ orgId: org.id, userId: admin.id, role: "owner", actorId: member.id })).rejects.toThrow(/owners and admins/);
    // Demoted, the former admin's next request (checked inside the transaction) is refused.
    await m.changeMemberRole({ orgId: org.id, userId: admin.id, role: "viewer", actorId: owner.id });
    await expect(m.removeMember({ orgId: org.id, userId: member.id, actorId: admin.id })).rejects.toThrow(/owners and admins/);
    expect((await m.getMembership({ orgId: org.id, userId: second.id }))?.role).toBe("owner");
    expect((await m.getMembership({ orgId: org.id, userId: member.id }))?.role).toBe("member");
  });

  it("two owners demoting each other concurrently leave one owner", async () => {
    const { user: a, org } = await m.createUserWithOrganization({ email: "a@race.test", passwordHash: "h", orgName: "Race" });
    const b = await m.createUser({ email: "b@race.test", passwordHash: "h" });
    const { token } = await m.createInvite({ orgId: org.id, role: "admin", createdById: a.id });
    await m.acceptInvite({ token, userId: b.id });
    await m.changeMemberRole({ orgId: org.id, userId: b.id, role: "owner", actorId: a.id });
    const r = await Promise.allSettled([
      m.changeMemberRole({ orgId: org.id, userId: b.id, role: "admin", actorId: a.id }),
      m.changeMemberRole({ orgId: org.id, userId: a.id, role: "admin", actorId: b.id }),
    ]);
    expect(r.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect((await m.listMembers({ orgId: org.id })).filter((x) => x.role === "owner")).toHaveLength(1);
  });
});
