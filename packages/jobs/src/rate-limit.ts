// Fixed-window rate limiting shared by every web process: counters live in Redis under the queue
// prefix (INCR + EXPIRE), or in this process's memory when the queues run on Postgres. A Redis
// outage fails open after a short timeout: sign-in must not depend on the limiter being up.
import { Redis } from "ioredis";
import { jobsEnv } from "./env";
import { resolveBackend } from "./connection";

export interface TRateLimit {
  /** what is limited, e.g. "sign-in:ip" */
  name: string;
  /** who is limited, e.g. an IP address or a normalized email */
  id: string;
  limit: number;
  windowSeconds: number;
}

export interface TRateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

const g = globalThis as unknown as { __bulwarkRateRedis?: Redis; __bulwarkRateMemory?: Map<string, { count: number; resetAt: number }> };

export function redisClient(url: string): Redis {
  // Not the queues' connection: that one retries forever, and a limiter must answer quickly.
  if (!g.__bulwarkRateRedis) {
    g.__bulwarkRateRedis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1000, commandTimeout: 1000 });
    // Connection errors surface as failed commands (and the limiter fails open); don't crash on them.
    g.__bulwarkRateRedis.on("error", () => {});
  }
  return g.__bulwarkRateRedis;
}

export function keyOf(prefix: string, l: TRateLimit): string {
  // Ids are user input: bound their length and keep the key printable.
  return `${prefix}:ratelimit:${l.name}:${encodeURIComponent(l.id.toLowerCase()).slice(0, 300)}`;
}

function hitMemory(key: string, l: TRateLimit): TRateLimitResult {
  g.__bulwarkRateMemory ??= new Map();
  const now = Date.now();
  let e = g.__bulwarkRateMemory.get(key);
  if (!e || e.resetAt <= now) {
    e = { count: 0, resetAt: now + l.windowSeconds * 1000 };
    g.__bulwarkRateMemory.set(key, e);
  }
  e.count++;
  if (g.__bulwarkRateMemory.size > 100_000) {
    for (const [k, v] of g.__bulwarkRateMemory) if (v.resetAt <= now) g.__bulwarkRateMemory.delete(k);
  }
  return { allowed: e.count <= l.limit, count: e.count, retryAfterSeconds: Math.max(1, Math.ceil((e.resetAt - now) / 1000)) };
}

/** Counts one attempt against the limit and says whether it is still allowed. */
export async function hitRateLimit(l: TRateLimit, source?: NodeJS.ProcessEnv): Promise<TRateLimitResult> {
  const env = jobsEnv(source);
  const key = keyOf(env.BULWARK_QUEUE_PREFIX, l);
  if (resolveBackend(env) !== "redis" || !env.REDIS_URL) return hitMemory(key, l);
  try {
    const r = redisClient(env.REDIS_URL);
    const res = await r.multi().incr(key).expire(key, l.windowSeconds, "NX").ttl(key).exec();
    const count = Number(res?.[0]?.[1] ?? 0);
    const ttl = Number(res?.[2]?.[1] ?? l.windowSeconds);
    return { allowed: count <= l.limit, count, retryAfterSeconds: Math.max(1, ttl) };
  } catch {
    return { allowed: true, count: 0, retryAfterSeconds: 0 };
  }
}

/** Forgets the counter (e.g. failed sign-ins of an account after a successful one). */
export async function resetRateLimit(l: Pick<TRateLimit, "name" | "id">, source?: NodeJS.ProcessEnv): Promise<void> {
  const env = jobsEnv(source);
  const key = keyOf(env.BULWARK_QUEUE_PREFIX, { ...l, limit: 0, windowSeconds: 0 });
  g.__bulwarkRateMemory?.delete(key);
  if (resolveBackend(env) !== "redis" || !env.REDIS_URL) return;
  await redisClient(env.REDIS_URL).del(key).catch(() => {});
}

export async function closeRateLimiter(): Promise<void> {
  const r = g.__bulwarkRateRedis;
  g.__bulwarkRateRedis = undefined;
  await r?.quit().catch(() => {});
}
