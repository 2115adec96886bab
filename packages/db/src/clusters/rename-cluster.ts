import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/**
 * Renames a cluster. Names are unique per organization (the database says so; a taken name is a
 * DomainError). Stored exceptions, findings and risks refer to the cluster by id, so they keep
 * applying. Audited with the old and new names.
 */
export async function renameCluster(input: { orgId: string; clusterId: string; actorId: string; name: string; ip?: string | null }): Promise<{ id: string; name: string }> {
  const name = input.name.trim();
  if (!name) throw new DomainError("cluster name is required");
  if (name.length > 100) throw new DomainError("cluster name is longer than 100 characters");
  try {
    return await db.$transaction(async (tx) => {
      const cluster = await tx.cluster.findFirst({ where: { id: input.clusterId, orgId: input.orgId }, select: { id: true, name: true } });
      if (!cluster) throw new NotFoundError("cluster");
      if (cluster.name === name) return cluster;
      const updated = await tx.cluster.update({ where: { id: cluster.id }, data: { name }, select: { id: true, name: true } });
      await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.rename", targetType: "cluster", targetId: cluster.id, data: { from: cluster.name, to: name } }, tx);
      return updated;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new DomainError(`a cluster named "${name}" already exists in this organization`);
    }
    throw e;
  }
}
