import type { Report } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { getComplianceScope } from "../compliance/scope";

/**
 * Clusters one report may cover: each adds its findings to the JSON, CSV and PDF one job renders
 * on a shared worker (the report benchmark holds 200 within 512 MiB and a minute). The report
 * form's schema states the same number.
 */
export const MAX_REPORT_CLUSTERS = 200;

/**
 * Queues a report row; the worker fills it in. A framework with a compliance scope is reported
 * over its scope (leave `clusterIds` out, or name exactly the scope's clusters); without one, over
 * the chosen clusters, each of which must belong to the organization.
 */
export async function createReport(input: { orgId: string; framework: string; clusterIds?: string[]; asOf?: Date | null; createdById?: string | null }): Promise<Report> {
  const scope = await getComplianceScope({ orgId: input.orgId, framework: input.framework });
  let ids = [...new Set(input.clusterIds ?? [])];
  if (scope.scoped) {
    const scoped = scope.clusters.map((c) => c.clusterId);
    if (ids.length && (ids.length !== scoped.length || ids.some((id) => !scoped.includes(id)))) {
      throw new DomainError("this framework has a compliance scope (set on the Compliance page) and a report covers exactly that scope: leave the clusters out");
    }
    ids = scoped;
  }
  if (ids.length === 0) throw new DomainError(scope.scoped ? "this framework's compliance scope has no cluster left: set it on the Compliance page" : "choose at least one cluster");
  if (ids.length > MAX_REPORT_CLUSTERS) throw new DomainError(`a report covers at most ${MAX_REPORT_CLUSTERS} clusters; ${scope.scoped ? "narrow the compliance scope" : "split it into several reports"}`);
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
