// System-level (all orgs; the worker runs it): leases that give each watched cluster one owner.
// The primary key (clusterId) and a single INSERT ... ON CONFLICT DO UPDATE ... WHERE expired make
// taking a lease atomic: of two workers racing for a cluster, the loser's statement finds the
// winner's unexpired row and takes nothing, so no cluster is ever watched twice. Times are the
// database's (now() in UTC, as Prisma stores timestamps), so workers' clocks do not matter.
import { db } from "../client";

export interface TWatchLease {
  clusterId: string;
  orgId: string;
  acquiredAt: Date;
  expiresAt: Date;
}

const NOW = `(now() AT TIME ZONE 'UTC')`;
const lease = (param: string) => `${NOW} + make_interval(secs => ${param}::double precision / 1000)`;

/**
 * Takes up to `want` leases of continuous clusters that nobody holds or whose lease expired.
 * Fair across organizations: each organization's first candidate comes before any second one;
 * within an organization, clusters never leased come first, then the longest orphaned, then the
 * oldest. Returns the leases taken.
 */
export async function acquireWatchLeases(input: { workerId: string; want: number; leaseMs: number }): Promise<TWatchLease[]> {
  if (input.want <= 0) return [];
  return db.$queryRawUnsafe<TWatchLease[]>(
    `WITH candidates AS (
       SELECT c.id, c."orgId",
              row_number() OVER (PARTITION BY c."orgId" ORDER BY l."expiresAt" NULLS FIRST, c."createdAt", c.id) AS rank,
              l."expiresAt" AS expired, c."createdAt"
       FROM "Cluster" c LEFT JOIN "WatchLease" l ON l."clusterId" = c.id
       WHERE c.continuous AND (l."clusterId" IS NULL OR l."expiresAt" < ${NOW})
     ), picked AS (
       SELECT id, "orgId" FROM candidates ORDER BY rank, expired NULLS FIRST, "createdAt", id LIMIT $2
     )
     INSERT INTO "WatchLease" ("clusterId", "orgId", "workerId", "acquiredAt", "renewedAt", "expiresAt")
     SELECT id, "orgId", $1, ${NOW}, ${NOW}, ${lease("$3")} FROM picked
     ON CONFLICT ("clusterId") DO UPDATE
       SET "workerId" = EXCLUDED."workerId", "orgId" = EXCLUDED."orgId", "acquiredAt" = EXCLUDED."acquiredAt",
           "renewedAt" = EXCLUDED."renewedAt", "expiresAt" = EXCLUDED."expiresAt"
       WHERE "WatchLease"."expiresAt" < ${NOW}
     RETURNING "clusterId", "orgId", "acquiredAt", "expiresAt"`,
    input.workerId,
    input.want,
    input.leaseMs,
  );
}

/**
 * Extends this worker's leases. Leases of clusters whose continuous mode was turned off are
 * dropped here; a deleted cluster's lease is gone with it (cascade). Returns the clusters this
 * worker still holds: anything else it watches must stop.
 */
export async function renewWatchLeases(input: { workerId: string; leaseMs: number }): Promise<TWatchLease[]> {
  await db.$executeRawUnsafe(
    `DELETE FROM "WatchLease" l USING "Cluster" c WHERE l."workerId" = $1 AND c.id = l."clusterId" AND NOT c.continuous`,
    input.workerId,
  );
  // A lease of ours that expired but was not taken yet is still ours: the takeover would have
  // changed workerId, and both statements lock the row, so they cannot interleave.
  return db.$queryRawUnsafe<TWatchLease[]>(
    `UPDATE "WatchLease" SET "renewedAt" = ${NOW}, "expiresAt" = ${lease("$2")} WHERE "workerId" = $1
     RETURNING "clusterId", "orgId", "acquiredAt", "expiresAt"`,
    input.workerId,
    input.leaseMs,
  );
}

/** Gives leases back (all of this worker's when clusterIds is omitted), so another worker takes them at once. */
export async function releaseWatchLeases(input: { workerId: string; clusterIds?: readonly string[] }): Promise<number> {
  if (input.clusterIds && input.clusterIds.length === 0) return 0;
  return input.clusterIds
    ? db.$executeRawUnsafe(`DELETE FROM "WatchLease" WHERE "workerId" = $1 AND "clusterId" = ANY($2::text[])`, input.workerId, [...input.clusterIds])
    : db.$executeRawUnsafe(`DELETE FROM "WatchLease" WHERE "workerId" = $1`, input.workerId);
}

/** This worker's leases, newest first (the first to give back when rebalancing). */
export async function listOwnedLeases(input: { workerId: string }): Promise<TWatchLease[]> {
  return db.$queryRawUnsafe<TWatchLease[]>(
    `SELECT "clusterId", "orgId", "acquiredAt", "expiresAt" FROM "WatchLease" WHERE "workerId" = $1 ORDER BY "acquiredAt" DESC, "clusterId"`,
    input.workerId,
  );
}
