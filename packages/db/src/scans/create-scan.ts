import type { Prisma, Scan, ScanStatus, ScanTrigger } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/** The cluster already has a scan waiting or running; `scanId` is that scan. */
export class ScanInProgressError extends DomainError {
  constructor(
    readonly scanId: string,
    readonly status: ScanStatus,
  ) {
    super(`A scan of this cluster is already ${status} (scan ${scanId}); a new one can be requested when it has finished`);
    this.name = "ScanInProgressError";
  }
}

/**
 * Inserts a queued scan unless the cluster has one queued or running. Every path that creates a
 * scan goes through here: a transaction-scoped advisory lock per cluster serialises the check and
 * the insert, so two requests (two web processes, a request and a scheduler firing) can never
 * both see "none active" and both insert.
 */
export async function insertQueuedScan(
  tx: Prisma.TransactionClient,
  input: { orgId: string; clusterId: string; trigger: ScanTrigger },
): Promise<{ scan: Scan } | { active: Pick<Scan, "id" | "status"> } | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scan:${input.clusterId}`}))`;
  const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true } });
  if (!cluster) return null;
  const active = await tx.scan.findFirst({ where: { clusterId: cluster.id, status: { in: ["queued", "running"] } }, select: { id: true, status: true }, orderBy: { createdAt: "asc" } });
  if (active) return { active };
  const scan = await tx.scan.create({ data: { orgId: input.orgId, clusterId: cluster.id, trigger: input.trigger, status: "queued", phase: "queued" } });
  return { scan };
}

/**
 * A queued scan row; the caller enqueues the job (enqueueScan) with its id. Throws
 * ScanInProgressError when the cluster already has a queued or running scan.
 */
export async function createScan(input: { ip?: string | null; orgId: string; clusterId: string; trigger: ScanTrigger; actorId?: string }): Promise<Scan> {
  return db.$transaction(async (tx) => {
    const res = await insertQueuedScan(tx, input);
    if (!res) throw new NotFoundError("cluster");
    if ("active" in res) throw new ScanInProgressError(res.active.id, res.active.status);
    const { scan } = res;
    if (input.actorId) {
      await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "scan.request", targetType: "scan", targetId: scan.id, data: { clusterId: scan.clusterId, trigger: input.trigger } }, tx);
    }
    return scan;
  });
}

/** The organization's scans waiting for a worker: its backlog, which orders its next job behind other tenants'. */
export async function countQueuedScans(input: { orgId: string }): Promise<number> {
  return db.scan.count({ where: { orgId: input.orgId, status: "queued" } });
}
