// Worker configuration, read once and validated; messages name the variable to fix.
import { z } from "zod";
import { DEFAULT_SCAN_MAX_BYTES, parseByteSize } from "@bulwark/k8s";

const MIN_SCAN_MAX_BYTES = 1024 * 1024;

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""], { error: `${name} must be true or false` })
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "yes");

// An empty variable (FOO= in a .env file) means unset.
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);

const ZWorkerEnv = z
  .object({
    DATABASE_URL: z.string({ error: "DATABASE_URL is not set: the worker stores scans in Postgres" }).min(1, "DATABASE_URL is empty"),
    REDIS_URL: z.preprocess(unsetIfEmpty, z.string().optional()),
    BULWARK_QUEUE_BACKEND: z.preprocess(unsetIfEmpty, z.enum(["redis", "postgres"], { error: 'BULWARK_QUEUE_BACKEND must be "redis" or "postgres"' }).optional()),
    BULWARK_SECRET_KEY: z
      .string({ error: "BULWARK_SECRET_KEY is not set: the worker needs it to decrypt cluster credentials (the same value the web app uses)" })
      .min(1, "BULWARK_SECRET_KEY is empty"),
    BULWARK_ALLOW_PRIVATE_NETWORKS: bool("BULWARK_ALLOW_PRIVATE_NETWORKS"),
    WORKER_CONCURRENCY: z.coerce.number({ error: "WORKER_CONCURRENCY must be a number" }).int().min(1).max(64).default(2),
    /**
     * At most this many scans of one organization run at once, over all workers; its other scans
     * wait, so other tenants always find a free slot. Default: half of WORKER_CONCURRENCY (at least 1).
     */
    WORKER_ORG_CONCURRENCY: z.preprocess(unsetIfEmpty, z.coerce.number({ error: "WORKER_ORG_CONCURRENCY must be a number" }).int().min(1).max(1000).optional()),
    /** How long a scan over its organization's limit is put back for, at least (spread over the backlog). */
    WORKER_ORG_DEFER_MS: z.coerce.number({ error: "WORKER_ORG_DEFER_MS must be a number" }).int().min(100).max(600_000).default(1000),
    WORKER_ID: z.string().optional(),
    /** How long BullMQ trusts a worker's job lock; a killed worker's job is retried after about this long. */
    WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    /** A running scan whose heartbeat is older than this has lost its worker. */
    WORKER_STALE_MS: z.coerce.number().int().min(1000).default(45_000),
    WORKER_RECOVER_EVERY_MS: z.coerce.number().int().min(500).default(60_000),
    /** Overall budget for reading one cluster. */
    WORKER_SCAN_DEADLINE_MS: z.coerce.number().int().min(1000).default(10 * 60_000),
    /** Decoded bytes one scan may take from the API server ("1073741824", "512Mi", "2Gi"); more fails that scan. */
    BULWARK_SCAN_MAX_BYTES: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : typeof v === "string" ? (parseByteSize(v) ?? v) : v),
      z
        .number({ error: 'BULWARK_SCAN_MAX_BYTES must be a size in bytes, e.g. 1073741824 or "1Gi"' })
        .int()
        .min(MIN_SCAN_MAX_BYTES, `BULWARK_SCAN_MAX_BYTES must be at least ${MIN_SCAN_MAX_BYTES} (1 MiB)`)
        .default(DEFAULT_SCAN_MAX_BYTES),
    ),
    /** Continuous mode: this worker watches its share of the clusters with continuous mode on. */
    WORKER_CONTINUOUS: z.preprocess(unsetIfEmpty, z.enum(["on", "off"], { error: 'WORKER_CONTINUOUS must be "on" or "off"' }).default("on")),
    /** Most clusters this worker watches at once. */
    WORKER_WATCH_CAPACITY: z.coerce.number({ error: "WORKER_WATCH_CAPACITY must be a number" }).int().min(1).max(100_000).default(500),
    /**
     * A watch lease not renewed for this long is taken over by another worker. Renewed every third
     * of it; with new leases looked for every 5 s, a dead worker's clusters move within 25 s (30 s promised).
     */
    WORKER_WATCH_LEASE_MS: z.coerce.number({ error: "WORKER_WATCH_LEASE_MS must be a number" }).int().min(1000).max(600_000).default(20_000),
    /** Port of the health endpoint (GET /healthz) for probes; unset: none. */
    WORKER_HEALTH_PORT: z.preprocess(unsetIfEmpty, z.coerce.number({ error: "WORKER_HEALTH_PORT must be a port number" }).int().min(1).max(65_535).optional()),
    WORKER_HEALTH_HOST: z.preprocess(unsetIfEmpty, z.string().default("0.0.0.0")),
    /** Public URL of the web app (the same value the web app uses), for links in alerts; optional. */
    NEXTAUTH_URL: z.preprocess(unsetIfEmpty, z.url("NEXTAUTH_URL must be a URL like https://bulwark.example.com").optional()),
  })
  .refine((e) => e.REDIS_URL || e.BULWARK_QUEUE_BACKEND === "postgres", {
    message: "no job queue configured: set REDIS_URL (e.g. redis://127.0.0.1:6379) or BULWARK_QUEUE_BACKEND=postgres",
  });
export type TWorkerEnv = Omit<z.infer<typeof ZWorkerEnv>, "WORKER_ORG_CONCURRENCY"> & { WORKER_ORG_CONCURRENCY: number };

export function workerEnv(source: NodeJS.ProcessEnv = process.env): TWorkerEnv {
  const parsed = ZWorkerEnv.safeParse(source);
  if (!parsed.success) throw new Error(`worker configuration: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return { ...parsed.data, WORKER_ORG_CONCURRENCY: parsed.data.WORKER_ORG_CONCURRENCY ?? Math.max(1, Math.ceil(parsed.data.WORKER_CONCURRENCY / 2)) };
}
