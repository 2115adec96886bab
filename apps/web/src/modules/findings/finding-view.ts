// A stored finding as the findings table shows it: rule title, who owns it (as the org names
// them), what is due (nothing unless it is open work) and how old it is.
import type { TQueueRow } from "@bulwark/db";
import { getRule } from "@bulwark/rules";
import { workDue } from "@/modules/queue/due";
import type { TFindingRowView } from "./components/findings-table";

export function findingAge(firstSeenAt: Date, now: Date): string {
  const days = Math.floor((now.getTime() - firstSeenAt.getTime()) / 86_400_000);
  return days < 1 ? "today" : `${days} d`;
}

export function toFindingRowView(f: TQueueRow, memberLabel: Map<string, string>, now: Date): TFindingRowView {
  return {
    id: f.id,
    ruleId: f.ruleId,
    title: getRule(f.ruleId)?.title ?? f.ruleId,
    severity: f.severity,
    status: f.status,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    message: f.message,
    clusterName: f.cluster.name,
    assignee: f.assignee ? { id: f.assignee.id, label: memberLabel.get(f.assignee.id) ?? f.assignee.name ?? f.assignee.email } : null,
    due: workDue(f.status, f.dueAt, now),
    age: findingAge(f.firstSeenAt, now),
  };
}
