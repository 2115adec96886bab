// Reads behind the Findings page, the cluster page's findings and /api/findings. One filter type
// underneath (the data layer's TQueueFilter), built from the URL by toFindingFilter. Every call is
// scoped by orgId; "me" resolves to the caller.
import { countQueue, getFinding, listFindingFacets, listFindings, listMembers, listObjectGroups, listQueue, listQueueGroups, type TQueueFilter } from "@bulwark/db";
import { frameworks, getFramework, getRule } from "@bulwark/rules";
import { SEVERITIES, searchScope, type TFilterValues } from "../findings.schemas";

type Severity = (typeof SEVERITIES)[number];

/** The rule ids a framework control maps to, or undefined when the control is unknown. */
export function controlRuleIds(control: string | undefined): string[] | undefined {
  if (!control) return undefined;
  const at = control.indexOf(":");
  const fw = getFramework(control.slice(0, at));
  return fw?.controls.find((c) => c.id === control.slice(at + 1))?.ruleIds;
}

/**
 * URL filter values to the data layer's filter. A rule and a control together mean both must hold;
 * a search for "namespace/name" (as the tables show objects) searches that namespace.
 */
export function toFindingFilter(orgId: string, userId: string, f: TFilterValues): TQueueFilter {
  let ruleIds: string[] | undefined;
  if (f.control) ruleIds = controlRuleIds(f.control) ?? [];
  if (f.rule) ruleIds = ruleIds ? ruleIds.filter((r) => r === f.rule) : [f.rule];
  const search = searchScope(f.namespace, f.q);
  return {
    orgId,
    ...(f.cluster ? { clusterId: f.cluster } : {}),
    ...(search.namespace ? { namespace: search.namespace } : {}),
    ...(f.severity.length ? { severity: [...f.severity] } : {}),
    ...(ruleIds ? { ruleIds } : {}),
    ...(f.assignee ? { assignee: f.assignee === "me" ? userId : f.assignee } : {}),
    ...(f.status.length ? { status: [...f.status] } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(search.q ? { q: search.q } : {}),
  };
}

export async function queryFindings(filter: TQueueFilter, page: { cursor?: string; limit?: number }) {
  return listQueue({ ...filter, ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit ?? 50 });
}

export async function queryRuleGroups(filter: TQueueFilter) {
  return listQueueGroups(filter);
}

export async function queryObjectGroups(filter: TQueueFilter) {
  return listObjectGroups({ ...filter, limit: 50 });
}

/** Findings expected for platform components (baseline): never open work, listed apart. */
export async function queryExpected(orgId: string, opts: { clusterId?: string; limit: number }) {
  const page = await listFindings({ orgId, expected: true, ...(opts.clusterId ? { clusterId: opts.clusterId } : {}), limit: Math.max(1, opts.limit) });
  return { items: opts.limit > 0 ? page.items : [], count: page.total, capped: page.totalCapped };
}

/** Open findings of a cluster by severity, counted with the same open-work filter as the lists. */
export async function queryOpenCounts(orgId: string, clusterId: string): Promise<Record<Severity, number>> {
  const counts = await Promise.all(SEVERITIES.map((s) => countQueue({ orgId, clusterId, severity: [s], cap: 1_000_000 })));
  return Object.fromEntries(SEVERITIES.map((s, i) => [s, counts[i]!.value])) as Record<Severity, number>;
}

export async function queryMatchingCount(filter: TQueueFilter) {
  return countQueue({ ...filter, cap: 5000 });
}

export async function queryFacets(orgId: string) {
  return listFindingFacets({ orgId });
}

export async function queryMembers(orgId: string) {
  const members = await listMembers({ orgId });
  return members.map((m) => ({ id: m.user.id, label: m.user.name ?? m.user.email, email: m.user.email, role: m.role }));
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

/** Framework controls that map to at least one rule, for the control filter (full titles: the option shows them whole). */
export function controlOptions(): Array<{ framework: string; options: Array<{ value: string; label: string }> }> {
  return frameworks.map((fw) => ({
    framework: fw.name,
    options: fw.controls.filter((c) => c.ruleIds.length > 0).map((c) => ({ value: `${fw.id}:${c.id}`, label: `${c.id} ${c.title}` })),
  }));
}
