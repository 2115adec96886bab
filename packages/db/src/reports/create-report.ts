import type { Report } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";

/**
 * Clusters one report may cover: each adds its findings to the JSON, CSV and PDF one job renders
 * on a shared worker. The report form's schema states the same number.
 */
export const MAX_REPORT_CLUSTERS = 50;

/** Queues a report row; the worker fills it in. Every cluster must belong to the organization. */
export async function createReport(input: { orgId: string; framework: string; clusterIds: string[]; asOf?: Date | null; createdById?: string | null }): Promise<Report> {
  const ids = [...new Set(input.clusterIds)];
  if (ids.length === 0) throw new DomainError("choose at least one cluster");
  if (ids.length > MAX_REPORT_CLUSTERS) throw new DomainError(`a report covers at most ${MAX_REPORT_CLUSTERS} clusters; split it into several reports`);
  const found = await db.cluster.count({ where: { orgId: input.orgId, id: { in: ids } } });
  if (found !== ids.length) throw new NotFoundError("cluster");
  return db.report.create({
    data: { orgId: input.orgId, framework: input.framework, clusterIds: ids, asOf: input.asOf ?? null, createdById: input.createdById ?? null },
  });
}

/** The organization's reports waiting for the worker: its backlog, which orders its next one behind other tenants'. */
export async function countQueuedReports(input: { orgId: string }): Promise<number> {
  return db.report.count({ where: { orgId: input.orgId, status: "queued" } });
}
