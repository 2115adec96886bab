// A framework judged over the organization's compliance scope: THE one place that does it, for the
// web view, the reports and the CLI's checks. Each cluster in scope is judged from its latest
// succeeded or partial scan (at or before asOf); a cluster scoped to namespaces has its rule
// statuses re-judged from the open findings in those namespaces plus cluster-scoped objects; the
// control statuses come from the engine's evaluateFramework with the attestations in force.
import { evaluateFramework, scopeRuleStatuses, type AttestationRef, type FrameworkResult, type RuleStatus } from "@bulwark/rules";
import { db } from "../client";
import { NotFoundError } from "../errors";
import { listLatestScanRules } from "../clusters/latest-scan-rules";
import { listActiveAttestations, type TAttestation } from "./attestations";
import { frameworkOrThrow, getComplianceScope } from "./scope";

/**
 * Open findings per rule id of a cluster's scan within `namespaces` (plus cluster-scoped objects),
 * as they stood when the scan finished: present by then (first seen, not resolved by then), open
 * work now or fixed since, never expected for a platform component. A finding counts once for each
 * rule it stands for (Finding.checks). One query: unnest + GROUP BY over the (clusterId, status)
 * index.
 */
export async function countOpenFindingsByRule(input: { orgId: string; clusterId: string; at: Date; namespaces: readonly string[] }): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<Array<{ ruleId: string; n: number }>>`
    SELECT r."ruleId", count(*)::int AS n
    FROM "Finding" f CROSS JOIN LATERAL unnest(f.checks) AS r("ruleId")
    WHERE f."orgId" = ${input.orgId} AND f."clusterId" = ${input.clusterId}
      AND f.status IN ('open', 'reopened', 'in_progress', 'resolved')
      AND (f."resolvedAt" IS NULL OR f."resolvedAt" > ${input.at})
      AND (f.status <> 'resolved' OR f."resolvedAt" IS NOT NULL)
      AND f."baselineId" IS NULL
      AND f."firstSeenAt" <= ${input.at}
      AND (f.namespace IS NULL OR f.namespace = ANY(${[...input.namespaces]}::text[]))
    GROUP BY r."ruleId"`;
  return new Map(rows.map((r) => [r.ruleId, Number(r.n)]));
}

/**
 * The stored rule statuses of one of the organization's scans, re-judged for `namespaces` (the
 * scan's own statuses when the list is empty: the whole cluster).
 */
export async function scopedRuleStatuses(input: { orgId: string; clusterId: string; scanId: string; namespaces: readonly string[] }): Promise<RuleStatus[]> {
  const scan = await db.scan.findFirst({ where: { id: input.scanId, orgId: input.orgId, clusterId: input.clusterId }, select: { rules: true, finishedAt: true, createdAt: true } });
  if (!scan) throw new NotFoundError("scan");
  const statuses = Array.isArray(scan.rules) ? (scan.rules as unknown as RuleStatus[]) : [];
  if (input.namespaces.length === 0) return statuses.map((s) => ({ ...s }));
  const open = await countOpenFindingsByRule({ orgId: input.orgId, clusterId: input.clusterId, at: scan.finishedAt ?? scan.createdAt, namespaces: input.namespaces });
  return scopeRuleStatuses(statuses, open);
}

export interface TPostureCluster {
  clusterId: string;
  clusterName: string;
  /** Empty: the whole cluster. */
  namespaces: string[];
  scan: { id: string; finishedAt: Date | null; status: string } | null;
  result: FrameworkResult;
}

export interface TFrameworkPosture {
  framework: { id: string; name: string; version: string; description: string; disclaimer?: string };
  /** False: no scope set, every cluster of the organization. */
  scoped: boolean;
  /** The point in time judged (now unless asOf was given). */
  asOf: Date;
  clusters: TPostureCluster[];
  /** The attestations in force at asOf, by control id. */
  attestations: Map<string, TAttestation>;
}

export const attestationRef = (a: TAttestation): AttestationRef => ({ id: a.id, by: a.attestedByName, expiresAt: a.expiresAt });

export async function frameworkPosture(input: { orgId: string; framework: string; asOf?: Date | null }): Promise<TFrameworkPosture> {
  const fw = frameworkOrThrow(input.framework);
  const at = input.asOf ?? new Date();
  const [scope, attestations] = await Promise.all([getComplianceScope({ orgId: input.orgId, framework: fw.id }), listActiveAttestations({ orgId: input.orgId, framework: fw.id, now: at })]);
  const namespacesOf = new Map(scope.clusters.map((c) => [c.clusterId, c.namespaces]));
  const latest = scope.clusters.length ? await listLatestScanRules({ orgId: input.orgId, clusterIds: [...namespacesOf.keys()], ...(input.asOf ? { asOf: input.asOf } : {}) }) : [];
  const refs = new Map([...attestations].map(([id, a]) => [id, attestationRef(a)]));
  const clusters: TPostureCluster[] = [];
  for (const c of latest) {
    const namespaces = namespacesOf.get(c.clusterId) ?? [];
    let statuses: RuleStatus[] = c.scan?.rules ?? [];
    if (c.scan && namespaces.length) {
      const open = await countOpenFindingsByRule({ orgId: input.orgId, clusterId: c.clusterId, at: c.scan.finishedAt ?? at, namespaces });
      statuses = scopeRuleStatuses(statuses, open);
    }
    clusters.push({
      clusterId: c.clusterId,
      clusterName: c.clusterName,
      namespaces,
      scan: c.scan ? { id: c.scan.id, finishedAt: c.scan.finishedAt, status: c.scan.status } : null,
      result: evaluateFramework(fw, statuses, { attestations: refs, now: at }),
    });
  }
  return {
    framework: { id: fw.id, name: fw.name, version: fw.version, description: fw.description, ...(fw.disclaimer ? { disclaimer: fw.disclaimer } : {}) },
    scoped: scope.scoped,
    asOf: at,
    clusters,
    attestations,
  };
}
