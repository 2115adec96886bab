// Exponential backoff after failures (e.g. wrong passwords for one account), shared by every web
// process like the rate limits (Redis under the queue prefix, or this process's memory on the
// Postgres backend). Unlike a fixed lockout, only failures count and each one holds the next
// attempt for a while: whoever sprays wrong passwords can delay the owner by at most the current
// hold, never lock them out for a window. Fails open if Redis is unreachable, like the limiter.
import { jobsEnv } from "./env";
import { resolveBackend } from "./connection";
import { keyOf, redisClient } from "./rate-limit";

export interface TBackoff {
  /** what is held, e.g. "sign-in:account" */
  name: string;
  /** who is held, e.g. a normalized email */
  id: string;
  /** failures allowed before the first hold */
  free: number;
  /** the first hold; each further failure doubles it */
  baseSeconds: number;
  maxSeconds: number;
  /** failures are forgotten this long after the last one */
  forgetSeconds: number;
}

const g = globalThis as unknown as { __bulwarkBackoff?: Map<string, { failures: number; until: number; expires: number }> };

function key(prefix: string, b: Pick<TBackoff, "name" | "id">): string {
  return keyOf(prefix, { name: `backoff:${b.name}`, id: b.id, limit: 0, windowSeconds: 0 });
}

/** The hold after `failures` failures: none up to `free`, then base, 2×base, 4×base… up to max. */
export function backoffDelaySeconds(b: Pick<TBackoff, "free" | "baseSeconds" | "maxSeconds">, failures: number): number {
  if (failures <= b.free) return 0;
  return Math.min(b.maxSeconds, b.baseSeconds * 2 ** Math.min(30, failures - b.free - 1));
}

/** Whether an attempt may go ahead now (checking counts nothing). */
export async function checkBackoff(b: Pick<TBackoff, "name" | "id">, now = Date.now(), source?: NodeJS.ProcessEnv): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const env = jobsEnv(source);
  const k = key(env.BULWARK_QUEUE_PREFIX, b);
  let until = 0;
  if (resolveBackend(env) !== "redis" || !env.REDIS_URL) {
    const e = g.__bulwarkBackoff?.get(k);
    until = e && e.expires > now ? e.until : 0;
  } else {
    try {
      until = Number((await redisClient(env.REDIS_URL).hget(k, "until")) ?? 0);
    } catch {
      until = 0;
    }
  }
  return until > now ? { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) } : { allowed: true, retryAfterSeconds: 0 };
}

/** Counts a failure and starts the hold it earns. Returns the failures so far and the hold. */
export async function recordBackoffFailure(b: TBackoff, now = Date.now(), source?: NodeJS.ProcessEnv): Promise<{ failures: number; holdSeconds: number }> {
  const env = jobsEnv(source);
  const k = key(env.BULWARK_QUEUE_PREFIX, b);
  if (resolveBackend(env) !== "redis" || !env.REDIS_URL) {
    g.__bulwarkBackoff ??= new Map();
    const prev = g.__bulwarkBackoff.get(k);
    const failures = (prev && prev.expires > now ? prev.failures : 0) + 1;
    const holdSeconds = backoffDelaySeconds(b, failures);
    g.__bulwarkBackoff.set(k, { failures, until: now + holdSeconds * 1000, expires: now + b.forgetSeconds * 1000 });
    if (g.__bulwarkBackoff.size > 100_000) for (const [kk, v] of g.__bulwarkBackoff) if (v.expires <= now) g.__bulwarkBackoff.delete(kk);
    return { failures, holdSeconds };
  }
  try {
    const r = redisClient(env.REDIS_URL);
    const failures = await r.hincrby(k, "failures", 1);
    const holdSeconds = backoffDelaySeconds(b, failures);
    await r.multi().hset(k, "until", String(now + holdSeconds * 1000)).expire(k, b.forgetSeconds).exec();
    return { failures, holdSeconds };
  } catch {
    return { failures: 0, holdSeconds: 0 };
  }
}

/** Forgets the failures (e.g. after a successful sign-in). */
export async function clearBackoff(b: Pick<TBackoff, "name" | "id">, source?: NodeJS.ProcessEnv): Promise<void> {
  const env = jobsEnv(source);
  const k = key(env.BULWARK_QUEUE_PREFIX, b);
  g.__bulwarkBackoff?.delete(k);
  if (resolveBackend(env) !== "redis" || !env.REDIS_URL) return;
  await redisClient(env.REDIS_URL).del(k).catch(() => {});
}
