import type { Cluster } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/write-audit";

/** Stores an already vetted and encrypted kubeconfig, with the default daily scan schedule. */
export async function createCluster(input: {
  /** client address, when a person acted through the web (audit trail) */
  ip?: string | null;
  orgId: string;
  actorId: string;
  name: string;
  server: string;
  contextName?: string;
  credentialCipher: string;
  credentialKeyId: string;
}): Promise<Cluster> {
  const name = input.name.trim();
  if (!name) throw new DomainError("cluster name is required");
  if (name.length > 100) throw new DomainError("cluster name is longer than 100 characters");
  try {
    return await db.$transaction(async (tx) => {
      const cluster = await tx.cluster.create({
        data: {
          orgId: input.orgId,
          name,
          server: input.server,
          contextName: input.contextName ?? null,
          credentialCipher: input.credentialCipher,
          credentialKeyId: input.credentialKeyId,
        },
      });
      await tx.scanSchedule.create({ data: { orgId: input.orgId, clusterId: cluster.id, enabled: true, mode: "interval", everyMinutes: 1440, timezone: "UTC" } });
      await writeAudit({ ip: input.ip ?? null, orgId: input.orgId, actorId: input.actorId, action: "cluster.create", targetType: "cluster", targetId: cluster.id, data: { name, server: input.server } }, tx);
      return cluster;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new DomainError(`a cluster named "${name}" already exists in this organization`);
    }
    throw e;
  }
}
