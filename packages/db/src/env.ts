// Configuration for the data layer, read once and validated: nothing else in this package reads process.env.
import { z } from "zod";

const ZDbEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at Postgres, e.g. postgresql://postgres@127.0.0.1:5432/bulwark" })
    .min(1, "DATABASE_URL is empty: point it at Postgres, e.g. postgresql://postgres@127.0.0.1:5432/bulwark")
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
});
export type TDbEnv = z.infer<typeof ZDbEnv>;

let cached: TDbEnv | undefined;

/** Parsed lazily so that importing the package (e.g. for types) never fails on a missing variable. */
export function dbEnv(): TDbEnv {
  if (!cached) {
    const parsed = ZDbEnv.safeParse(process.env);
    if (!parsed.success) throw new Error(`Invalid database configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    cached = parsed.data;
  }
  return cached;
}
