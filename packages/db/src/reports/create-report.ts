import type { Report } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";

/** Queues a report row; the worker fills it in. Every cluster must belong to the organization. */
export async function createReport(input: { orgId: string; framework: string; clusterIds: string[]; asOf?: Date | null; createdById?: string | null }): Promise<Report> {
  const ids = [...new Set(input.clusterIds)];
  if (ids.length === 0) throw new DomainError("choose at least one cluster");
  const found = await db.cluster.count({ where: { orgId: input.orgId, id: { in: ids } } });
  if (found !== ids.length) throw new NotFoundError("cluster");
  return db.report.create({
    data: { orgId: input.orgId, framework: input.framework, clusterIds: ids, asOf: input.asOf ?? null, createdById: input.createdById ?? null },
  });
}
