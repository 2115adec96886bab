import type { Finding, RiskEvent } from "../generated/prisma/client";
import { db } from "../client";
import { RISK_LIST_INCLUDE, toRiskRow, type TRiskRow } from "./risk-view";
import { riskFingerprints } from "./upsert-scan-risks";

export type TRiskDetail = TRiskRow & {
  /** The findings behind the risk's steps (same cluster), in step order. */
  findings: Finding[];
  /** History, oldest first, with who acted. */
  events: Array<RiskEvent & { actor: { id: string; name: string | null; email: string } | null }>;
};

/** One risk of the organization with its findings resolved from the steps' fingerprints. */
export async function getRisk(input: { orgId: string; id: string }): Promise<TRiskDetail | null> {
  const row = await db.risk.findFirst({ where: { id: input.id, orgId: input.orgId }, include: RISK_LIST_INCLUDE });
  if (!row) return null;
  const risk = toRiskRow(row);
  const fingerprints = [...new Set(riskFingerprints(risk.steps))];
  const [findings, events] = await Promise.all([
    fingerprints.length
      ? db.finding.findMany({ where: { orgId: input.orgId, clusterId: risk.clusterId, fingerprint: { in: fingerprints } } })
      : Promise.resolve([] as Finding[]),
    db.riskEvent.findMany({
      where: { orgId: input.orgId, riskId: risk.id },
      include: { actor: { select: { id: true, name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const order = new Map(fingerprints.map((fp, i) => [fp, i]));
  findings.sort((a, b) => (order.get(a.fingerprint) ?? 0) - (order.get(b.fingerprint) ?? 0));
  return { ...risk, findings, events };
}
