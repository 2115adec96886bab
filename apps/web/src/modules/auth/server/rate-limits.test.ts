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
  it("checking counts nothing: the owner's hundred sign-ins from different places are never refused (the old lockout counted every attempt)", async () => {
    const who = email();
    for (let i = 0; i < 100; i++) await m.checkSignIn(ip(), who);
    await expect(m.checkSignIn(ip(), who)).resolves.toBeUndefined();
  });

  it("a stranger spraying wrong passwords holds the account for the backoff only, then the owner gets in", async () => {
    const who = email();
    const t0 = Date.now();
    const { free, maxSeconds } = m.SIGN_IN_ACCOUNT_BACKOFF;
    for (let i = 0; i < free; i++) expect((await m.signInFailed(who, t0)).holdSeconds).toBe(0);
    await expect(m.checkSignIn(ip(), who, t0)).resolves.toBeUndefined();
    // Failures past the free ones: holds of 2, 4, 8… seconds, never more than the cap.
    const holds: number[] = [];
    for (let i = 0; i < 50; i++) holds.push((await m.signInFailed(who, t0)).holdSeconds);
    expect(holds.slice(0, 4)).toEqual([2, 4, 8, 16]);
    expect(Math.max(...holds)).toBe(maxSeconds);
    const refused = m.checkSignIn(ip(), who, t0 + 1000);
    await expect(refused).rejects.toBeInstanceOf(m.RateLimitedError);
    await expect(m.checkSignIn(ip(), who, t0 + 1000)).rejects.toThrow(/Try again in 5 minute/);
    // Once the hold has passed, the next attempt is checked (and, right, clears the failures).
    await expect(m.checkSignIn(ip(), who, t0 + maxSeconds * 1000 + 1)).resolves.toBeUndefined();
    await m.signInSucceeded(who);
    await expect(m.checkSignIn(ip(), who, t0 + 1000)).resolves.toBeUndefined();
  });

  it("one account's failures never hold another", async () => {
    const a = email();
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) await m.signInFailed(a, t0);
    await expect(m.checkSignIn(ip(), a, t0)).rejects.toBeInstanceOf(m.RateLimitedError);
    await expect(m.checkSignIn(ip(), email(), t0)).resolves.toBeUndefined();
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
  it("is the socket's address by default, whatever X-Forwarded-For claims (it used to trust the header)", () => {
    const h = (x: Record<string, string>) => (n: string) => x[n];
    expect(m.ipFromHeaders(h({ "x-forwarded-for": "6.6.6.6", "x-bulwark-peer": "::ffff:198.51.100.7" }))).toBe("198.51.100.7");
    expect(m.ipFromHeaders(h({ "x-forwarded-for": "10.0.0.1, 203.0.113.9", "x-bulwark-peer": "10.1.1.1" }), 1)).toBe("203.0.113.9");
    expect(m.ipFromHeaders(h({ "x-forwarded-for": "evil\r\nkey", "x-bulwark-peer": "10.1.1.1" }), 1)).toBe("unknown");
    expect(m.ipFromHeaders(h({}))).toBe("unknown");
  });
});
