// What the browser and the JSON API see of an exception: no internal fields beyond the row's own.
import type { TExceptionRow } from "@bulwark/db";
import { labelSelectorOf } from "@bulwark/db";

export type TExceptionView = ReturnType<typeof toExceptionView>;

const person = (p: TExceptionRow["requestedBy"]) => (p ? { id: p.id, name: p.name ?? p.email, email: p.email } : null);

export function toExceptionView(e: TExceptionRow) {
  return {
    id: e.id,
    status: e.status,
    ruleId: e.ruleId,
    clusterId: e.clusterId,
    clusterName: e.clusterName,
    namespace: e.namespace,
    kind: e.kind,
    name: e.name,
    labelSelector: labelSelectorOf(e.labelSelector),
    justification: e.justification,
    expiresAt: e.expiresAt.toISOString(),
    findingId: e.findingId,
    requestedBy: person(e.requestedBy),
    decidedBy: person(e.decidedBy),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
    createdAt: e.createdAt.toISOString(),
    covered: e.covered,
    wouldCover: e.wouldCover,
  };
}
