import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/** Deletes the cluster with its scans, findings and objects (cascade). The caller removes its job scheduler. */
export async function deleteCluster(input: { ip?: string | null; orgId: string; clusterId: string; actorId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true, name: true } });
    if (!cluster) throw new NotFoundError("cluster");
    await tx.cluster.delete({ where: { id: cluster.id } });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.delete", targetType: "cluster", targetId: cluster.id, data: { name: cluster.name } }, tx);
  });
}
