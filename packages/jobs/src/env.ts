// Queue configuration, read once: which backend carries jobs and under which key prefix.
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
    .default("bulwark")),
});
export type TJobsEnv = z.infer<typeof ZJobsEnv>;

export function jobsEnv(source: NodeJS.ProcessEnv = process.env): TJobsEnv {
  const parsed = ZJobsEnv.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid queue configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
