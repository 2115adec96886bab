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

// Evidence files of attestations: a size cap, and an optional S3-compatible store (all four S3
// variables, or none). Read on each call, not cached: cheap, and tests switch stores.
const ZEvidenceEnv = z
  .object({
    BULWARK_EVIDENCE_MAX_BYTES: z.coerce.number().int().positive().max(100 * 1024 * 1024, "BULWARK_EVIDENCE_MAX_BYTES is at most 100 MiB").default(10 * 1024 * 1024),
    BULWARK_S3_ENDPOINT: z.string().trim().optional(),
    BULWARK_S3_BUCKET: z.string().trim().optional(),
    BULWARK_S3_ACCESS_KEY_ID: z.string().trim().optional(),
    BULWARK_S3_SECRET_ACCESS_KEY: z.string().optional(),
    BULWARK_S3_REGION: z.string().trim().min(1).default("us-east-1"),
  })
  .transform((e, ctx) => {
    const s3Vars = [e.BULWARK_S3_ENDPOINT, e.BULWARK_S3_BUCKET, e.BULWARK_S3_ACCESS_KEY_ID, e.BULWARK_S3_SECRET_ACCESS_KEY];
    const set = s3Vars.filter((v) => v !== undefined && v !== "").length;
    if (set === 0) return { maxBytes: e.BULWARK_EVIDENCE_MAX_BYTES, s3: null };
    if (set < 4) {
      ctx.addIssue({ code: "custom", message: "set all of BULWARK_S3_ENDPOINT, BULWARK_S3_BUCKET, BULWARK_S3_ACCESS_KEY_ID and BULWARK_S3_SECRET_ACCESS_KEY, or none" });
      return z.NEVER;
    }
    let endpoint: URL;
    try {
      endpoint = new URL(e.BULWARK_S3_ENDPOINT!);
    } catch {
      ctx.addIssue({ code: "custom", message: "BULWARK_S3_ENDPOINT must be a URL such as https://s3.eu-west-1.amazonaws.com or http://minio:9000" });
      return z.NEVER;
    }
    if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:") ctx.addIssue({ code: "custom", message: "BULWARK_S3_ENDPOINT must use https (or http on a private network)" });
    if (endpoint.username || endpoint.password) ctx.addIssue({ code: "custom", message: "BULWARK_S3_ENDPOINT must not contain credentials; use BULWARK_S3_ACCESS_KEY_ID and BULWARK_S3_SECRET_ACCESS_KEY" });
    if (endpoint.search || endpoint.hash) ctx.addIssue({ code: "custom", message: "BULWARK_S3_ENDPOINT must not have a query or fragment" });
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(e.BULWARK_S3_BUCKET!)) ctx.addIssue({ code: "custom", message: "BULWARK_S3_BUCKET is not a valid bucket name (3-63 lower-case letters, digits, dots, hyphens)" });
    return {
      maxBytes: e.BULWARK_EVIDENCE_MAX_BYTES,
      s3: { endpoint, bucket: e.BULWARK_S3_BUCKET!, accessKeyId: e.BULWARK_S3_ACCESS_KEY_ID!, secretAccessKey: e.BULWARK_S3_SECRET_ACCESS_KEY!, region: e.BULWARK_S3_REGION },
    };
  });
export type TEvidenceEnv = z.output<typeof ZEvidenceEnv>;

/** The evidence store's settings; throws with every problem named when they are inconsistent. */
export function evidenceEnv(env: NodeJS.ProcessEnv = process.env): TEvidenceEnv {
  const parsed = ZEvidenceEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid evidence store configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data;
}
