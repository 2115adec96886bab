// What assignments and status changes do to findings, shared by the single and the bulk paths:
// rows are changed only where something changes, each changed finding gets a FindingEvent, and
// an assignment to someone else tells them with an in-app Notification, all in the caller's transaction.
import type { FindingStatus } from "../generated/prisma/client";
import type { Tx } from "../client";
import { NotFoundError } from "../errors";

/** What a person may set. "resolved" by hand reopens on the next scan that still sees the problem. */
export const PERSON_STATUSES = ["open", "in_progress", "resolved"] as const;
export type TPersonStatus = (typeof PERSON_STATUSES)[number];

export interface TChangeTarget {
  id: string;
  status: FindingStatus;
  assigneeId: string | null;
  exceptionId: string | null;
  ruleId: string;
  kind: string;
  namespace: string | null;
  name: string;
}

export const CHANGE_TARGET_SELECT = { id: true, status: true, assigneeId: true, exceptionId: true, ruleId: true, kind: true, namespace: true, name: true } as const;

export async function requireMember(tx: Tx, orgId: string, userId: string): Promise<void> {
  const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { id: true } });
  // Another organization's user is indistinguishable from no user at all.
  if (!member) throw new NotFoundError("assignee");
}

export const objectLabel = (f: Pick<TChangeTarget, "kind" | "namespace" | "name">) => `${f.kind} ${f.namespace ? `${f.namespace}/` : ""}${f.name}`;

export async function applyAssignment(
  tx: Tx,
  input: { orgId: string; actorId: string; assigneeId: string | null; findings: TChangeTarget[]; comment?: string; notify?: boolean },
): Promise<TChangeTarget[]> {
  const changed = input.findings.filter((f) => f.assigneeId !== input.assigneeId);
  if (changed.length === 0) return [];
  const ids = changed.map((f) => f.id);
  await tx.finding.updateMany({ where: { orgId: input.orgId, id: { in: ids } }, data: { assigneeId: input.assigneeId } });
  await tx.findingEvent.createMany({
    data: changed.map((f) => ({
      orgId: input.orgId,
      findingId: f.id,
      actorId: input.actorId,
      type: "assigned",
      data: { from: f.assigneeId, to: input.assigneeId, ...(input.comment ? { comment: input.comment } : {}) },
    })),
  });
  // notify: false when the caller tells the assignee itself (a risk's assignment carries its findings).
  if (input.assigneeId && input.assigneeId !== input.actorId && input.notify !== false) {
    const one = changed.length === 1 ? changed[0]! : null;
    await tx.notification.create({
      data: {
        orgId: input.orgId,
        userId: input.assigneeId,
        kind: "assigned",
        title: one ? `Assigned to you: ${one.ruleId}` : `${changed.length} findings assigned to you`,
        body: one ? objectLabel(one) : `Rules: ${[...new Set(changed.map((f) => f.ruleId))].slice(0, 5).join(", ")}`,
        link: one ? `/findings/${one.id}` : "/queue?view=mine",
      },
    });
  }
  return changed;
}

export async function applyStatus(
  tx: Tx,
  input: { orgId: string; actorId: string; status: TPersonStatus; findings: TChangeTarget[]; comment?: string; now?: Date },
): Promise<TChangeTarget[]> {
  // An exception owns the status of what it covers: revoke the exception to change it.
  const changed = input.findings.filter((f) => f.status !== input.status && !(f.status === "excepted" && f.exceptionId));
  if (changed.length === 0) return [];
  const now = input.now ?? new Date();
  await tx.finding.updateMany({
    where: { orgId: input.orgId, id: { in: changed.map((f) => f.id) } },
    data: { status: input.status, resolvedAt: input.status === "resolved" ? now : null },
  });
  await tx.findingEvent.createMany({
    data: changed.map((f) => ({
      orgId: input.orgId,
      findingId: f.id,
      actorId: input.actorId,
      type: "status",
      data: { from: f.status, to: input.status, comment: input.comment ?? null },
      createdAt: now,
    })),
  });
  return changed;
}
