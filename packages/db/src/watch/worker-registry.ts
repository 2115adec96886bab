// System-level (all orgs; the worker runs it): the registry of running workers, so that watched
// clusters are shared fairly. A worker is live while its heartbeat is younger than the lease time.
import { db } from "../client";

/** Registers (or re-registers) a worker; also forgets workers silent for an hour (crashed long ago). */
export async function registerWorker(input: { workerId: string; capacity: number }): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "WorkerInstance" (id, "startedAt", "heartbeatAt", capacity) VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', $2)
     ON CONFLICT (id) DO UPDATE SET "heartbeatAt" = EXCLUDED."heartbeatAt", capacity = EXCLUDED.capacity`,
    input.workerId,
    input.capacity,
  );
  await db.$executeRawUnsafe(`DELETE FROM "WorkerInstance" WHERE "heartbeatAt" < (now() AT TIME ZONE 'UTC') - interval '1 hour'`);
}

/** Returns false when the row is gone (removed as dead): the caller registers again. */
export async function heartbeatWorker(input: { workerId: string }): Promise<boolean> {
  const n = await db.$executeRawUnsafe(`UPDATE "WorkerInstance" SET "heartbeatAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`, input.workerId);
  return n > 0;
}

export async function removeWorker(input: { workerId: string }): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "WorkerInstance" WHERE id = $1`, input.workerId);
}

export interface TWatchLoad {
  /** clusters with continuous mode on (all orgs) */
  clusters: number;
  /** workers whose heartbeat is younger than the lease time (at least 1: the caller) */
  liveWorkers: number;
}

/** How many clusters want watching and how many workers share them, in one round trip. */
export async function getWatchLoad(input: { leaseMs: number }): Promise<TWatchLoad> {
  const [row] = await db.$queryRawUnsafe<Array<{ clusters: number; workers: number }>>(
    `SELECT (SELECT count(*)::int FROM "Cluster" WHERE continuous) AS clusters,
            (SELECT count(*)::int FROM "WorkerInstance" WHERE "heartbeatAt" >= (now() AT TIME ZONE 'UTC') - make_interval(secs => $1::double precision / 1000)) AS workers`,
    input.leaseMs,
  );
  return { clusters: row?.clusters ?? 0, liveWorkers: Math.max(1, row?.workers ?? 0) };
}

/** A worker's fair share: ceil(clusters / live workers), never above its capacity. */
export function fairShare(load: TWatchLoad, capacity: number): number {
  return Math.min(capacity, Math.ceil(load.clusters / Math.max(1, load.liveWorkers)));
}
