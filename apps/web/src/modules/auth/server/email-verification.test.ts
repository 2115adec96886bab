// Email verification with SMTP_URL set, against real Postgres and a fake RFC 5321 server: the
// mailed link confirms the address once; the notice for an existing address carries no link.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";
import { startFakeSmtp } from "../testing/fake-smtp-server";

const DB = "bulwark_be_email_verification";
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let db: typeof import("@bulwark/db");
let m: typeof import("./email-verification");

beforeAll(async () => {
  await useFreshDatabase(DB);
  smtp = await startFakeSmtp();
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    NEXTAUTH_URL: "https://bulwark.example.test",
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    BULWARK_SECRET_KEY: process.env.BULWARK_SECRET_KEY ?? randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
  });
  db = await import("@bulwark/db");
  m = await import("./email-verification");
});
afterAll(async () => {
  await smtp?.close();
  await db?.disconnectDb();
  await dropDatabase(DB).catch(() => {});
});

describe("email verification", () => {
  it("mails a single-use link that confirms the address", async () => {
    expect(m.emailVerificationEnabled()).toBe(true);
    const { user } = await db.createUserWithOrganization({ email: "new@corp.test", passwordHash: "h", orgName: "New" });
    expect(user.emailVerifiedAt).toBeNull();
    // Made before any link was sent (no mail server then): sign-in does not wait.
    expect(await db.awaitsEmailVerification(user.id)).toBe(false);
    await m.sendVerificationMail(user);
    expect(await db.awaitsEmailVerification(user.id)).toBe(true);
    const message = smtp.received.messages.at(-1)!;
    expect(message).toContain("To: new@corp.test");
    expect(message).toContain("From: bulwark@bulwark.example.test");
    const token = /https:\/\/bulwark\.example\.test\/verify-email\/([A-Za-z0-9_-]+)/.exec(message)?.[1];
    expect(token).toBeTruthy();
    expect(await db.verifyEmailToken(token!)).toEqual({ userId: user.id, email: "new@corp.test" });
    expect((await db.getUserById(user.id))?.emailVerifiedAt).not.toBeNull();
    expect(await db.awaitsEmailVerification(user.id)).toBe(false);
    expect(await db.verifyEmailToken(token!)).toBeNull();
    expect(await db.verifyEmailToken(`${token}x`)).toBeNull();
  });

  it("an existing address gets a notice without any link", async () => {
    await m.sendAlreadyRegisteredMail("new@corp.test");
    const message = smtp.received.messages.at(-1)!;
    expect(message).toContain("already has one");
    expect(message).not.toContain("/verify-email/");
  });

  it("SSO accounts created from a verified email are verified", async () => {
    const r = await db.resolveOidcSignIn({ issuer: "https://idp.test", subject: "s", email: "sso@corp.test", emailVerified: true }, { signUp: "open", orgName: "SSO" });
    expect(r.kind === "user" && r.user.emailVerifiedAt).toBeTruthy();
  });
});
