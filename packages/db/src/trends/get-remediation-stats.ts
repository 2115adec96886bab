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

export async function getRemediationStats(input: { orgId: string; from: Date; clusterIds?: string[]; now?: Date }): Promise<TRemediationStats> {
  const now = input.now ?? new Date();
  const cf = input.clusterIds?.length ? Prisma.sql`AND "clusterId" IN (${Prisma.join(input.clusterIds)})` : Prisma.empty;
  const [mttr, open] = await Promise.all([
    db.$queryRaw<{ severity: Severity; hours: number; resolved: bigint }[]>`
      SELECT severity::text AS severity, AVG(EXTRACT(EPOCH FROM ("resolvedAt" - "firstSeenAt")) / 3600)::float8 AS hours, COUNT(*) AS resolved
      FROM "Finding"
      WHERE "orgId" = ${input.orgId} AND status = 'resolved' AND "resolvedAt" >= ${input.from} ${cf}
      GROUP BY severity`,
    // One pass over the open findings for all three breakdowns (GROUPING SETS), not three scans.
    db.$queryRaw<{ set: number; bucket: TRemediationStats["age"][number]["bucket"] | null; severity: Severity | null; ruleId: string | null; namespace: string | null; count: bigint }[]>`
      SELECT GROUPING(bucket, severity, "ruleId", namespace)::int AS set, bucket, severity, "ruleId", namespace, COUNT(*) AS count
      FROM (SELECT CASE WHEN ${now}::timestamp - "firstSeenAt" < interval '7 days' THEN '0-7d'
                        WHEN ${now}::timestamp - "firstSeenAt" < interval '30 days' THEN '7-30d'
                        WHEN ${now}::timestamp - "firstSeenAt" < interval '90 days' THEN '30-90d' ELSE '90d+' END AS bucket,
                   severity::text AS severity, "ruleId", namespace
            FROM "Finding"
            WHERE "orgId" = ${input.orgId} AND status IN ('open', 'reopened', 'in_progress') AND "baselineId" IS NULL ${cf}) f
      GROUP BY GROUPING SETS ((bucket, severity), ("ruleId"), (namespace))`,
  ]);
  // GROUPING() bits, most significant first: bucket, severity, ruleId, namespace (1 = rolled up).
  const AGE = 0b0011;
  const RULE = 0b1101;
  const NAMESPACE = 0b1110;
  const top = <T>(rows: T[], count: (r: T) => number) => rows.sort((a, b) => count(b) - count(a)).slice(0, 10);
  return {
    mttr: mttr.map((r) => ({ severity: r.severity, hours: Number(r.hours), resolved: Number(r.resolved) })),
    age: open.filter((r) => r.set === AGE).map((r) => ({ bucket: r.bucket!, severity: r.severity!, count: Number(r.count) })),
    topRules: top(open.filter((r) => r.set === RULE).map((r) => ({ ruleId: r.ruleId!, count: Number(r.count) })), (r) => r.count),
    topNamespaces: top(open.filter((r) => r.set === NAMESPACE).map((r) => ({ namespace: r.namespace, count: Number(r.count) })), (r) => r.count),
  };
}
