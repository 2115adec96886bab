import { db } from "../client";
import { OPEN_STATUSES } from "./open-finding-where";

/**
 * Distinct values of one column among the org's unresolved findings, as a loose index scan: one
 * index probe per distinct value (a few hundred) instead of reading every finding.
 */
async function distinctValues(orgId: string, column: "ruleId" | "namespace"): Promise<string[]> {
  const c = `"${column}"`;
  const rows = await db.$queryRawUnsafe<Array<{ v: string | null }>>(
    `WITH RECURSIVE t(v) AS (
       SELECT min(${c}) FROM "Finding" WHERE "orgId" = $1 AND status::text = ANY($2::text[])
       UNION ALL
       SELECT (SELECT min(${c}) FROM "Finding" WHERE "orgId" = $1 AND status::text = ANY($2::text[]) AND ${c} > t.v) FROM t WHERE t.v IS NOT NULL
     )
     SELECT v FROM t WHERE v IS NOT NULL`,
    orgId,
    [...OPEN_STATUSES],
  );
  return rows.map((r) => r.v!).filter(Boolean);
}

/** Values the findings filters can offer, from the org's unresolved findings. */
export async function listFindingFacets(input: { orgId: string }): Promise<{ namespaces: string[]; rules: string[]; clusters: Array<{ id: string; name: string }> }> {
  const [namespaces, rules, clusters] = await Promise.all([
    distinctValues(input.orgId, "namespace"),
    distinctValues(input.orgId, "ruleId"),
    db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { namespaces, rules, clusters };
}
