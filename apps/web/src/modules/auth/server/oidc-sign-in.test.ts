// SSO takeover attempts through the real next-auth flow: next-auth's handler with the app's
// authOptions, a fake OpenID provider that follows the spec (discovery, authorize, token endpoint
// with PKCE and an RS256 id_token checked against its JWKS, userinfo), real Postgres and Redis.
// The old code linked by email alone and ignored email_verified: both attacks below signed the
// attacker's session into the victim's account, or the victim's into the attacker's.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";
import { FakeOidcProvider } from "../testing/fake-oidc-provider";
import { TestBrowser, oidcSignIn, sessionOf, startAuthServer } from "../testing/next-auth-harness";

const DB = "bulwark_be_oidc_sign_in";
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-oidc-${randomBytes(3).toString("hex")}`;
delete process.env.BULWARK_QUEUE_BACKEND;
process.env.BULWARK_SECRET_KEY ??= randomBytes(32).toString("base64");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.BULWARK_SIGNUP = "open";

type Db = typeof import("@bulwark/db");
let db: Db;
let session: typeof import("./session");
const idp = new FakeOidcProvider("bulwark-test", randomBytes(16).toString("hex"));
let app: { url: string; stop(): Promise<void> };
const browser = () => new TestBrowser([app.url, idp.issuer]);

beforeAll(async () => {
  await useFreshDatabase(DB);
  await idp.start();
  Object.assign(process.env, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: "Test IdP" });
  db = await import("@bulwark/db");
  session = await import("./session");
  const { authOptions } = await import("./auth-options");
  app = await startAuthServer(authOptions);
  process.env.NEXTAUTH_URL = app.url;
});

afterAll(async () => {
  await app?.stop();
  await idp.stop();
  const { closeRateLimiter } = await import("@bulwark/jobs");
  await closeRateLimiter();
  await db?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("OIDC sign-in through next-auth", () => {
  it("a first SSO sign-in with a verified email creates the account and signs it in", async () => {
    idp.nextIdentity = { sub: "alice-sub", email: "Alice@corp.test", email_verified: true, name: "Alice" };
    const b = browser();
    const end = await oidcSignIn(b, app.url, "/overview");
    expect(end).toMatchObject({ left: false, final: `${app.url}/overview` });
    const alice = await db.getUserByEmail("alice@corp.test");
    expect(alice).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: "alice-sub" });
    expect((await sessionOf(b, app.url))?.id).toBe(alice!.id);
    expect(idp.refusals).toEqual([]);
  });

  it("takeover 1: the attacker registered the victim's email with a password first; the victim's SSO sign-in is refused, not joined to it", async () => {
    await db.createUserWithOrganization({ email: "victim@corp.test", passwordHash: "attacker-controlled", orgName: "Trap" });
    idp.nextIdentity = { sub: "victim-sub", email: "victim@corp.test", email_verified: true };
    const b = browser();
    const end = await oidcSignIn(b, app.url, "/overview");
    expect(end.left).toBe(false);
    expect(new URL(end.final).pathname).toBe("/sign-in");
    expect(new URL(end.final).searchParams.get("error")).toBe("OidcPasswordAccount");
    expect(await sessionOf(b, app.url)).toBeNull();
    expect((await db.getUserByEmail("victim@corp.test"))?.oidcSubject).toBeNull();
  });

  it("takeover 2: an IdP account claiming the victim's email, unverified or not the victim's subject, never signs in as the victim", async () => {
    idp.nextIdentity = { sub: "ceo-sub", email: "ceo@corp.test", email_verified: true };
    const ceo = browser();
    await oidcSignIn(ceo, app.url, "/overview");
    const ceoId = (await sessionOf(ceo, app.url))?.id;
    expect(ceoId).toBeTruthy();

    for (const [identity, error] of [
      [{ sub: "evil-sub", email: "ceo@corp.test", email_verified: false }, "OidcEmailUnverified"],
      [{ sub: "evil-sub", email: "ceo@corp.test", email_verified: "true" }, "OidcEmailUnverified"],
      [{ sub: "evil-sub", email: "ceo@corp.test" }, "OidcEmailUnverified"],
      [{ sub: "evil-sub", email: "CEO@corp.test", email_verified: true }, "OidcLinkedElsewhere"],
    ] as const) {
      idp.nextIdentity = identity;
      const attacker = browser();
      const end = await oidcSignIn(attacker, app.url, "/overview");
      expect(new URL(end.final).searchParams.get("error")).toBe(error);
      expect(await sessionOf(attacker, app.url)).toBeNull();
    }
    expect((await db.getUserByEmail("ceo@corp.test"))?.oidcSubject).toBe("ceo-sub");
  });

  it("the callback URL stays on the site whatever the sign-in is asked to return to", async () => {
    idp.nextIdentity = { sub: "alice-sub", email: "alice@corp.test", email_verified: true };
    for (const attack of ["/\\evil.com", "//evil.com", "https://evil.com/", "/\t/evil.com", `${app.url}.evil.com/`]) {
      const end = await oidcSignIn(browser(), app.url, attack);
      expect(end.left, `${attack} -> ${end.hops.join(" -> ")}`).toBe(false);
      expect(new URL(end.final).origin).toBe(app.url);
    }
  });

  it("sign out everywhere: the session next-auth still holds is no longer current once the version moves", async () => {
    idp.nextIdentity = { sub: "alice-sub", email: "alice@corp.test", email_verified: true };
    const b = browser();
    await oidcSignIn(b, app.url, "/overview");
    const s = await sessionOf(b, app.url);
    expect(await session.currentSessionUserId({ user: { id: s!.id }, sessionVersion: s!.sessionVersion })).toBe(s!.id);
    await db.revokeSessions(s!.id);
    expect(await session.currentSessionUserId({ user: { id: s!.id }, sessionVersion: s!.sessionVersion })).toBeNull();
    // Signing in again issues a session under the new version.
    const again = browser();
    await oidcSignIn(again, app.url, "/overview");
    const fresh = await sessionOf(again, app.url);
    expect(await session.currentSessionUserId({ user: { id: fresh!.id }, sessionVersion: fresh!.sessionVersion })).toBe(s!.id);
  });
});
