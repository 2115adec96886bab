// Queue configuration, read once: which backend carries jobs and under which key prefix.
import { createHash } from "node:crypto";
import { z } from "zod";

// An empty variable (FOO= in a .env file) means unset.
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);

const ZJobsEnv = z.object({
  REDIS_URL: z.preprocess(unsetIfEmpty, z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL").optional()),
  BULWARK_QUEUE_BACKEND: z.preprocess(unsetIfEmpty, z.enum(["redis", "postgres"], { error: 'BULWARK_QUEUE_BACKEND must be "redis" or "postgres"' }).optional()),
  DATABASE_URL: z.preprocess(unsetIfEmpty, z.string().optional()),
  BULWARK_QUEUE_PREFIX: z.preprocess(unsetIfEmpty, z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "BULWARK_QUEUE_PREFIX may contain letters, digits, '-' and '_' only")
    .max(50, "BULWARK_QUEUE_PREFIX must be at most 50 characters")
    .optional()),
});
export type TJobsEnv = Omit<z.infer<typeof ZJobsEnv>, "BULWARK_QUEUE_PREFIX"> & { BULWARK_QUEUE_PREFIX: string };

/**
 * The default queue prefix: "bulwark-" plus the database name. Two installs that share one Redis
 * but not one database then never take each other's jobs (the database is what makes an install);
 * BULWARK_QUEUE_PREFIX overrides it. Long or unusual names are cut and made unique with a hash.
 */
export function defaultQueuePrefix(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "bulwark";
  let name: string;
  try {
    name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  } catch {
    name = databaseUrl;
  }
  if (!name) return "bulwark";
  const safe = name.replace(/[^A-Za-z0-9_-]/g, "_");
  // A hash keeps names that differ only in cut or replaced characters apart.
  if (safe === name && safe.length <= 40) return `bulwark-${safe}`;
  return `bulwark-${safe.slice(0, 30)}-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
}

export function jobsEnv(source: NodeJS.ProcessEnv = process.env): TJobsEnv {
  const parsed = ZJobsEnv.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid queue configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { ...parsed.data, BULWARK_QUEUE_PREFIX: parsed.data.BULWARK_QUEUE_PREFIX ?? defaultQueuePrefix(parsed.data.DATABASE_URL) };
}
