import type { RiskException } from "../generated/prisma/client";
import { db } from "../client";

/** Approved, unexpired exceptions that can apply to one cluster's scan (cluster-wide ones included). */
export async function listActiveExceptions(input: { orgId: string; clusterId?: string; now?: Date }): Promise<RiskException[]> {
  return db.riskException.findMany({
    where: {
      orgId: input.orgId,
      status: "approved",
      expiresAt: { gt: input.now ?? new Date() },
      ...(input.clusterId ? { OR: [{ clusterId: null }, { clusterId: input.clusterId }] } : {}),
    },
    orderBy: { createdAt: "asc" },
  });
}
