// Chooses the queue backend once per process. Everything else (web, worker) only sees BullMQ's
// Queue/Worker classes and never learns whether Redis or Postgres carries the jobs.
import { Queue, Worker, createPostgresBackend, withBackend, type Processor, type QueueOptions, type WorkerOptions } from "bullmq";
import { Redis } from "ioredis";
import { jobsEnv, type TJobsEnv } from "./env";

export type QueueBackendName = "redis" | "postgres";

export interface QueueConnection {
  backend: QueueBackendName;
  prefix: string;
  createQueue(name: string): Queue;
  createWorker(name: string, processor: Processor, opts?: Omit<WorkerOptions, "connection" | "prefix">): Worker;
  close(): Promise<void>;
}

function redisConnection(url: string, prefix: string): QueueConnection {
  // BullMQ requires maxRetriesPerRequest: null so blocking commands survive reconnects.
  const shared = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  const workerConnections: Redis[] = [];
  return {
    backend: "redis",
    prefix,
    createQueue: (name) => new Queue(name, { connection: shared, prefix } satisfies QueueOptions),
    createWorker: (name, processor, opts) => {
      // Workers block on their own connection; BullMQ duplicates a passed instance, so pass options.
      const conn = new Redis(url, { maxRetriesPerRequest: null });
      workerConnections.push(conn);
      return new Worker(name, processor, { ...opts, connection: conn, prefix });
    },
    async close() {
      await Promise.allSettled([shared.quit(), ...workerConnections.map((c) => c.quit())]);
    },
  };
}

function postgresConnection(databaseUrl: string, prefix: string): QueueConnection {
  const classes = withBackend(createPostgresBackend);
  // The Postgres backend has no key prefix; a schema per prefix gives the same isolation.
  const connection = { connectionString: databaseUrl, schema: `bullmq_${prefix.replace(/-/g, "_").toLowerCase()}`, migrate: true };
  return {
    backend: "postgres",
    prefix,
    createQueue: (name) => new classes.Queue(name, { connection }) as unknown as Queue,
    createWorker: (name, processor, opts) => new classes.Worker(name, processor, { ...opts, connection } as WorkerOptions<typeof connection>) as unknown as Worker,
    async close() {},
  };
}

export function resolveBackend(env: TJobsEnv): QueueBackendName {
  if (env.BULWARK_QUEUE_BACKEND) return env.BULWARK_QUEUE_BACKEND;
  if (env.REDIS_URL) return "redis";
  throw new Error("No job queue configured: set REDIS_URL (e.g. redis://127.0.0.1:6379) or BULWARK_QUEUE_BACKEND=postgres (uses DATABASE_URL)");
}

export function createQueueConnection(env: TJobsEnv = jobsEnv()): QueueConnection {
  const backend = resolveBackend(env);
  if (backend === "postgres") {
    if (!env.DATABASE_URL) throw new Error("BULWARK_QUEUE_BACKEND=postgres needs DATABASE_URL");
    return postgresConnection(env.DATABASE_URL, env.BULWARK_QUEUE_PREFIX);
  }
  if (!env.REDIS_URL) throw new Error("BULWARK_QUEUE_BACKEND=redis needs REDIS_URL");
  return redisConnection(env.REDIS_URL, env.BULWARK_QUEUE_PREFIX);
}

const g = globalThis as unknown as { __bulwarkQueueConnection?: QueueConnection; __bulwarkQueues?: Map<string, Queue> };

/** The process-wide connection (cached on globalThis for Next.js dev reloads). */
export function getQueueConnection(): QueueConnection {
  g.__bulwarkQueueConnection ??= createQueueConnection();
  return g.__bulwarkQueueConnection;
}

/** One Queue instance per name per process. */
export function getQueue(name: string): Queue {
  g.__bulwarkQueues ??= new Map();
  let q = g.__bulwarkQueues.get(name);
  if (!q) {
    q = getQueueConnection().createQueue(name);
    g.__bulwarkQueues.set(name, q);
  }
  return q;
}

export async function closeQueues(): Promise<void> {
  const queues = [...(g.__bulwarkQueues?.values() ?? [])];
  g.__bulwarkQueues = undefined;
  await Promise.allSettled(queues.map((q) => q.close()));
  const conn = g.__bulwarkQueueConnection;
  g.__bulwarkQueueConnection = undefined;
  await conn?.close();
}
