// The shared rate limiter against real Redis, its in-memory fallback, and failing open when Redis
// is unreachable (found by the reliability suite: sign-in and sign-up had no limit at all).
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimiter, hitRateLimit, resetRateLimit } from "./rate-limit";

const REDIS = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const env = { REDIS_URL: REDIS, BULWARK_QUEUE_PREFIX: "bulwark-test-rel-ratelimit" };
const id = () => `user-${randomBytes(4).toString("hex")}@example.com`;

afterAll(async () => {
  await closeRateLimiter();
});

describe("hitRateLimit", () => {
  it("allows up to the limit within the window, then refuses with a retry time", async () => {
    const who = id();
    const l = { name: "test", id: who, limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit(l, env));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results[4]!.count).toBe(5);
    expect(results[4]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another id and another name have their own counters.
    expect((await hitRateLimit({ ...l, id: id() }, env)).allowed).toBe(true);
    expect((await hitRateLimit({ ...l, name: "other" }, env)).allowed).toBe(true);
    // Reset forgets the counter (a successful sign-in).
    await resetRateLimit(l, env);
    expect((await hitRateLimit(l, env)).allowed).toBe(true);
  });

  it("treats ids case-insensitively and bounds hostile ids", async () => {
    const who = id();
    const l = { name: "test", limit: 1, windowSeconds: 60 };
    expect((await hitRateLimit({ ...l, id: who.toUpperCase() }, env)).allowed).toBe(true);
    expect((await hitRateLimit({ ...l, id: who }, env)).allowed).toBe(false);
    const r = await hitRateLimit({ ...l, id: `${"\u0000:*\r\n".repeat(10_000)}` }, env);
    expect(r.allowed).toBe(true);
  });

  it("keeps counters in memory when the queues run on Postgres", async () => {
    const pgEnv = { BULWARK_QUEUE_BACKEND: "postgres", DATABASE_URL: "postgresql://unused", BULWARK_QUEUE_PREFIX: "x" };
    const l = { name: "mem", id: id(), limit: 2, windowSeconds: 60 };
    expect((await hitRateLimit(l, pgEnv)).allowed).toBe(true);
    expect((await hitRateLimit(l, pgEnv)).allowed).toBe(true);
    expect((await hitRateLimit(l, pgEnv)).allowed).toBe(false);
    await resetRateLimit(l, pgEnv);
    expect((await hitRateLimit(l, pgEnv)).allowed).toBe(true);
  });

  it("fails open, quickly, when Redis is unreachable", async () => {
    await closeRateLimiter();
    const t0 = Date.now();
    const r = await hitRateLimit({ name: "down", id: id(), limit: 1, windowSeconds: 60 }, { REDIS_URL: "redis://127.0.0.1:1", BULWARK_QUEUE_PREFIX: "x" });
    expect(r.allowed).toBe(true);
    expect(Date.now() - t0).toBeLessThan(3000);
    await closeRateLimiter();
  });
});
