// Reads behind the findings pages and the /api/findings routes. Every call is scoped by orgId.
import { getFinding, listFindingFacets, listFindings } from "@bulwark/db";
import { getRule } from "@bulwark/rules";
import { DEFAULT_STATUSES, type TFindingFilters } from "../findings.schemas";

export async function queryFindings(orgId: string, f: TFindingFilters) {
  return listFindings({
    orgId,
    clusterId: f.cluster,
    namespace: f.namespace,
    severity: f.severity.length ? f.severity : undefined,
    ruleId: f.rule,
    status: f.status.length ? f.status : [...DEFAULT_STATUSES],
    q: f.q,
    limit: f.limit ?? 50,
    cursor: f.cursor,
  });
}

export async function queryFacets(orgId: string) {
  return listFindingFacets({ orgId });
}

export async function queryFinding(orgId: string, findingId: string) {
  const finding = await getFinding({ orgId, findingId });
  if (!finding) return null;
  const rule = getRule(finding.ruleId);
  return {
    finding,
    rule: rule
      ? {
          id: rule.id,
          title: rule.title,
          category: rule.category,
          description: rule.description,
          remediation: rule.remediation,
          references: rule.references ?? [],
          peers: rule.peers,
        }
      : null,
  };
}

export function ruleTitle(ruleId: string): string {
  return getRule(ruleId)?.title ?? ruleId;
}
