// What the work controls (assignee, status, comment) act on: a finding, or a risk as a unit (its
// assignee is its findings' assignee). One dispatcher, so the controls are written once.
import { assignRiskAction, commentRiskAction, setRiskStatusAction } from "@/modules/risks/server/actions";
import type { TPersonStatus } from "../findings.schemas";
import { assignFindingAction, commentAction, setStatusAction } from "../server/actions";

export interface TWorkTarget {
  kind: "finding" | "risk";
  id: string;
}

export function assignTarget(t: TWorkTarget, assigneeId: string | null) {
  return t.kind === "risk" ? assignRiskAction({ riskId: t.id, assigneeId }) : assignFindingAction({ findingId: t.id, assigneeId });
}

export function setTargetStatus(t: TWorkTarget, status: TPersonStatus) {
  return t.kind === "risk" ? setRiskStatusAction({ riskId: t.id, status }) : setStatusAction({ findingId: t.id, status });
}

export function commentOnTarget(t: TWorkTarget, body: string) {
  return t.kind === "risk" ? commentRiskAction({ riskId: t.id, body }) : commentAction({ findingId: t.id, body });
}
