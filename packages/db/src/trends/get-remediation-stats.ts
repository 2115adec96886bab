// Remediation figures for the trends page: mean time to remediate by severity, open findings by
// age, and the rules and namespaces with the most open findings. Grouped in Postgres on indexed
// columns; nothing is loaded row by row.
import { Prisma } from "../generated/prisma/client";
import type { Severity } from "../generated/prisma/enums";
import { db } from "../client";

export interface TRemediationStats {
  /** mean hours from first seen to resolved, for findings resolved in the range */
  mttr: { severity: Severity; hours: number; resolved: number }[];
  /** open findings by age bucket and severity */
  age: { bucket: "0-7d" | "7-30d" | "30-90d" | "90d+"; severity: Severity; count: number }[];
  topRules: { ruleId: string; count: number }[];
  topNamespaces: { namespace: string | null; count: number }[];
}

const OPEN = ["open", "reopened", "in_progress"] as const;

export async function getRemediationStats(input: { orgId: string; from: Date; clusterIds?: string[]; now?: Date }): Promise<TRemediationStats> {
  const now = input.now ?? new Date();
  const cf = input.clusterIds?.length ? Prisma.sql`AND "clusterId" IN (${Prisma.join(input.clusterIds)})` : Prisma.empty;
  const where = { orgId: input.orgId, status: { in: [...OPEN] }, ...(input.clusterIds?.length ? { clusterId: { in: input.clusterIds } } : {}) };
  const [mttr, age, rules, namespaces] = await Promise.all([
    db.$queryRaw<{ severity: Severity; hours: number; resolved: bigint }[]>`
      SELECT severity::text AS severity, AVG(EXTRACT(EPOCH FROM ("resolvedAt" - "firstSeenAt")) / 3600)::float8 AS hours, COUNT(*) AS resolved
      FROM "Finding"
      WHERE "orgId" = ${input.orgId} AND status = 'resolved' AND "resolvedAt" >= ${input.from} ${cf}
      GROUP BY severity`,
    db.$queryRaw<{ bucket: TRemediationStats["age"][number]["bucket"]; severity: Severity; count: bigint }[]>`
      SELECT CASE WHEN age < interval '7 days' THEN '0-7d' WHEN age < interval '30 days' THEN '7-30d'
                  WHEN age < interval '90 days' THEN '30-90d' ELSE '90d+' END AS bucket, severity::text AS severity, COUNT(*) AS count
      FROM (SELECT ${now}::timestamp - "firstSeenAt" AS age, severity FROM "Finding"
            WHERE "orgId" = ${input.orgId} AND status IN ('open', 'reopened', 'in_progress') ${cf}) f
      GROUP BY 1, 2`,
    db.finding.groupBy({ by: ["ruleId"], where, _count: { _all: true }, orderBy: { _count: { ruleId: "desc" } }, take: 10 }),
    db.finding.groupBy({ by: ["namespace"], where, _count: { _all: true }, orderBy: { _count: { namespace: "desc" } }, take: 10 }),
  ]);
  return {
    mttr: mttr.map((r) => ({ severity: r.severity, hours: Number(r.hours), resolved: Number(r.resolved) })),
    age: age.map((r) => ({ bucket: r.bucket, severity: r.severity, count: Number(r.count) })),
    topRules: rules.map((r) => ({ ruleId: r.ruleId, count: r._count._all })),
    topNamespaces: namespaces.map((r) => ({ namespace: r.namespace, count: r._count._all })),
  };
}
