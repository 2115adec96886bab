import { db } from "../client";
import { clampLimit } from "../pagination";
import { openRiskWhere } from "../findings/open-finding-where";
import { RISK_LIST_INCLUDE, toRiskRow, type TRiskRow } from "./risk-view";

/** The organization's worst open risks across every cluster, for the overview. */
export async function topRisks(input: { orgId: string; limit?: number }): Promise<TRiskRow[]> {
  const rows = await db.risk.findMany({
    where: openRiskWhere(input.orgId),
    include: RISK_LIST_INCLUDE,
    orderBy: [{ severity: "asc" }, { score: "desc" }, { id: "asc" }],
    take: clampLimit(input.limit, 5, 50),
  });
  return rows.map(toRiskRow);
}
