// Sign-in and sign-up limits against real Redis (found by the reliability suite: there were none).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-rel-auth-${randomBytes(3).toString("hex")}`;
delete process.env.BULWARK_QUEUE_BACKEND;

type M = typeof import("./rate-limits");
let m: M;
const email = () => `u-${randomBytes(4).toString("hex")}@example.com`;
const ip = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;

beforeAll(async () => {
  m = await import("./rate-limits");
});
afterAll(async () => {
  const { closeRateLimiter } = await import("@bulwark/jobs");
  await closeRateLimiter();
});

describe("sign-in limits", () => {
  it("refuses an account after 10 attempts without a success, even with the right password next", async () => {
    const who = email();
    for (let i = 0; i < m.SIGN_IN_FAILURES_PER_ACCOUNT.limit; i++) await m.checkSignIn(ip(), who);
    await expect(m.checkSignIn(ip(), who)).rejects.toBeInstanceOf(m.RateLimitedError);
    await expect(m.checkSignIn(ip(), who)).rejects.toThrow(/Too many attempts/);
  });

  it("a success forgets the account's failures", async () => {
    const who = email();
    for (let i = 0; i < m.SIGN_IN_FAILURES_PER_ACCOUNT.limit; i++) await m.checkSignIn(ip(), who);
    await m.signInSucceeded(who);
    await expect(m.checkSignIn(ip(), who)).resolves.toBeUndefined();
  });

  it("refuses an address after 100 attempts across accounts", async () => {
    const from = ip();
    for (let i = 0; i < m.SIGN_IN_PER_IP.limit; i++) await m.checkSignIn(from, email());
    await expect(m.checkSignIn(from, email())).rejects.toBeInstanceOf(m.RateLimitedError);
    await expect(m.checkSignIn(ip(), email())).resolves.toBeUndefined();
  });
});

describe("sign-up limits", () => {
  it("limits one email to 5 attempts and one address to 50", async () => {
    const who = email();
    for (let i = 0; i < m.SIGN_UP_PER_ACCOUNT.limit; i++) await m.checkSignUp(ip(), who);
    await expect(m.checkSignUp(ip(), who)).rejects.toBeInstanceOf(m.RateLimitedError);
    const from = ip();
    for (let i = 0; i < m.SIGN_UP_PER_IP.limit; i++) await m.checkSignUp(from, email());
    await expect(m.checkSignUp(from, email())).rejects.toBeInstanceOf(m.RateLimitedError);
  });
});

describe("ipFromHeaders", () => {
  it("takes the first forwarded hop and refuses anything that is not an address", () => {
    const h = (x: Record<string, string>) => (n: string) => x[n];
    expect(m.ipFromHeaders(h({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(m.ipFromHeaders(h({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(m.ipFromHeaders(h({ "x-forwarded-for": "evil\r\nkey" }))).toBe("unknown");
    expect(m.ipFromHeaders(h({}))).toBe("unknown");
  });
});
