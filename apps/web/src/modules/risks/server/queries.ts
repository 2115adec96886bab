// Reads behind the Risks tab, the overview's top risks, the cluster page and the risk page. Every
// call is scoped by orgId; the Findings page's filter values map onto risks where they apply
// (cluster, namespace, severity, assignee, status, search).
import { getRisk, listRisks, topRisks, type TListRisksInput, type TRiskRow } from "@bulwark/db";
import { searchScope, type TFilterValues } from "@/modules/findings/findings.schemas";
import type { TRiskRowView } from "../components/risks-table";

export function toRiskFilter(orgId: string, userId: string, f: TFilterValues): TListRisksInput {
  const search = searchScope(f.namespace, f.q);
  return {
    orgId,
    ...(f.cluster ? { clusterId: f.cluster } : {}),
    ...(search.namespace ? { namespace: search.namespace } : {}),
    ...(f.severity.length ? { severity: [...f.severity] } : {}),
    ...(f.assignee ? { assignee: f.assignee === "me" ? userId : f.assignee } : {}),
    ...(f.status.length ? { status: [...f.status] } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
}

export async function queryRisks(filter: TListRisksInput, page: { cursor?: string; limit?: number }) {
  const res = await listRisks({ ...filter, ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit ?? 50 });
  return { items: res.items, nextCursor: res.nextCursor, count: { value: res.total, capped: false } };
}

export async function queryTopRisks(orgId: string, limit = 5) {
  return topRisks({ orgId, limit });
}

export async function queryRisk(orgId: string, id: string) {
  return getRisk({ orgId, id });
}

/** The risks (not resolved) whose path a finding is part of, worst first: its cluster's, at most 200 read. */
export async function queryRisksOfFinding(orgId: string, f: { clusterId: string; fingerprint: string }): Promise<TRiskRow[]> {
  const res = await listRisks({ orgId, clusterId: f.clusterId, status: ["open", "reopened", "in_progress", "excepted"], includeExpected: true, limit: 200 });
  return res.items.filter((r) => r.steps.some((st) => st.findings.includes(f.fingerprint)));
}

export function toRiskRowView(r: TRiskRow, memberLabel: Map<string, string>): TRiskRowView {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    severity: r.severity,
    score: r.score,
    status: r.status,
    clusterId: r.cluster.id,
    clusterName: r.cluster.name,
    object: { kind: r.kind, namespace: r.namespace, name: r.name },
    steps: r.steps.length,
    findings: new Set(r.steps.flatMap((s) => s.findings)).size,
    assignee: r.assignee ? { id: r.assignee.id, label: memberLabel.get(r.assignee.id) ?? r.assignee.name ?? r.assignee.email } : null,
  };
}
