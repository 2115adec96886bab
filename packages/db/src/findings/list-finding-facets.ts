import { db } from "../client";
import { DEFAULT_FINDING_STATUSES } from "./list-findings";

/** Values the findings filters can offer, from the org's unresolved findings. */
export async function listFindingFacets(input: { orgId: string }): Promise<{ namespaces: string[]; rules: string[]; clusters: Array<{ id: string; name: string }> }> {
  const where = { orgId: input.orgId, status: { in: DEFAULT_FINDING_STATUSES } };
  const [ns, rules, clusters] = await Promise.all([
    db.finding.findMany({ where: { ...where, namespace: { not: null } }, distinct: ["namespace"], select: { namespace: true }, orderBy: { namespace: "asc" } }),
    db.finding.findMany({ where, distinct: ["ruleId"], select: { ruleId: true }, orderBy: { ruleId: "asc" } }),
    db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { namespaces: ns.map((n) => n.namespace!).filter(Boolean), rules: rules.map((r) => r.ruleId), clusters };
}
