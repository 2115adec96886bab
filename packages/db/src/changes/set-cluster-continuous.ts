import { db } from "../client";
import { NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/**
 * Turns a cluster's continuous mode on or off (admins), audited like the other cluster settings.
 * The watch state moves at once to "starting" or "off" so the page says what will happen; the
 * worker that owns the cluster's lease reads the flag, opens or closes the watch and sets the
 * state it reaches (live, fallback, error).
 */
export async function setClusterContinuous(input: { orgId: string; clusterId: string; actorId: string; continuous: boolean; ip?: string | null }): Promise<{ id: string; continuous: boolean; watchState: string }> {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true, continuous: true, watchState: true } });
    if (!cluster) throw new NotFoundError("cluster");
    if (cluster.continuous === input.continuous) return cluster;
    const updated = await tx.cluster.update({
      where: { id: cluster.id },
      data: input.continuous ? { continuous: true, watchState: "starting", watchError: null } : { continuous: false, watchState: "off", watchError: null },
      select: { id: true, continuous: true, watchState: true },
    });
    await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.continuous", targetType: "cluster", targetId: cluster.id, data: { from: cluster.continuous, to: input.continuous } }, tx);
    return updated;
  });
}
