import type { Scan, ScanTrigger } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/** A queued scan row; the caller enqueues the job (enqueueScan) with its id. */
export async function createScan(input: { ip?: string | null; orgId: string; clusterId: string; trigger: ScanTrigger; actorId?: string }): Promise<Scan> {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true } });
    if (!cluster) throw new NotFoundError("cluster");
    const scan = await tx.scan.create({ data: { orgId: input.orgId, clusterId: cluster.id, trigger: input.trigger, status: "queued", phase: "queued" } });
    if (input.actorId) {
      await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "scan.request", targetType: "scan", targetId: scan.id, data: { clusterId: cluster.id, trigger: input.trigger } }, tx);
    }
    return scan;
  });
}
