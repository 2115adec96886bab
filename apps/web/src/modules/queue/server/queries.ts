// Reads behind the queue page. Every call is scoped by orgId; "me" resolves to the caller.
import { countQueue, getSlaPolicy, listMembers, listQueue, listQueueGroups, type TQueueFilter } from "@bulwark/db";
import { frameworks, getFramework, getRule } from "@bulwark/rules";
import type { TQueueFilterValues } from "../queue.schemas";

/** The rule ids a framework control maps to, or undefined when the control is unknown. */
export function controlRuleIds(control: string | undefined): string[] | undefined {
  if (!control) return undefined;
  const at = control.indexOf(":");
  const fw = getFramework(control.slice(0, at));
  return fw?.controls.find((c) => c.id === control.slice(at + 1))?.ruleIds;
}

/** URL filter values to the data layer's filter. A rule and a control together mean both must hold. */
export function toQueueFilter(orgId: string, userId: string, f: TQueueFilterValues): TQueueFilter {
  let ruleIds: string[] | undefined;
  if (f.control) ruleIds = controlRuleIds(f.control) ?? [];
  if (f.rule) ruleIds = ruleIds ? ruleIds.filter((r) => r === f.rule) : [f.rule];
  return {
    orgId,
    ...(f.cluster ? { clusterId: f.cluster } : {}),
    ...(f.namespace ? { namespace: f.namespace } : {}),
    ...(f.severity.length ? { severity: [...f.severity] } : {}),
    ...(ruleIds ? { ruleIds } : {}),
    ...(f.assignee ? { assignee: f.assignee === "me" ? userId : f.assignee } : {}),
    ...(f.status.length ? { status: [...f.status] } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

export async function queryQueue(filter: TQueueFilter, page: { cursor?: string; limit?: number }) {
  return listQueue({ ...filter, ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit ?? 50 });
}

export async function queryQueueGroups(filter: TQueueFilter) {
  return listQueueGroups(filter);
}

export async function queryMatchingCount(filter: TQueueFilter) {
  return countQueue({ ...filter, cap: 5000 });
}

export async function queryMembers(orgId: string) {
  const members = await listMembers({ orgId });
  return members.map((m) => ({ id: m.user.id, label: m.user.name ?? m.user.email, email: m.user.email, role: m.role }));
}

export async function querySla(orgId: string) {
  return getSlaPolicy({ orgId });
}

export function ruleTitle(ruleId: string): string {
  return getRule(ruleId)?.title ?? ruleId;
}

/** Framework controls that map to at least one rule, for the control filter. */
export function controlOptions(): Array<{ framework: string; options: Array<{ value: string; label: string }> }> {
  return frameworks.map((fw) => ({
    framework: fw.name,
    options: fw.controls.filter((c) => c.ruleIds.length > 0).map((c) => ({ value: `${fw.id}:${c.id}`, label: `${c.id} ${c.title}`.slice(0, 90) })),
  }));
}
