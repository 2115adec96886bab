import type { ConnectionStatus } from "../generated/prisma/client";
import { db } from "../client";
import { NotFoundError } from "../errors";

export async function setConnectionStatus(input: {
  orgId: string;
  clusterId: string;
  status: ConnectionStatus;
  error?: string | null;
  kubeVersion?: string;
  gitVersion?: string;
  provider?: string;
}): Promise<void> {
  const res = await db.cluster.updateMany({
    where: { id: input.clusterId, orgId: input.orgId },
    data: {
      connectionStatus: input.status,
      connectionError: input.status === "error" ? (input.error ?? "unknown error") : null,
      connectionCheckedAt: input.status === "testing" ? undefined : new Date(),
      ...(input.kubeVersion ? { kubeVersion: input.kubeVersion } : {}),
      ...(input.gitVersion ? { gitVersion: input.gitVersion } : {}),
      ...(input.provider ? { provider: input.provider } : {}),
    },
  });
  if (res.count === 0) throw new NotFoundError("cluster");
}
