"use server";
// Queue mutations (assign, status, comment, bulk) and the SLA policy. Each goes through withOrg:
// viewers get 403, another organization's ids 404; the data functions write the FindingEvent,
// the audit row (with the caller's address) and the assignee's notification in one transaction.
import { revalidatePath } from "next/cache";
import { assignFinding, bulkUpdateFindings, commentOnFinding, updateFindingStatus, updateSlaPolicy } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAssignFinding, ZBulkAction, ZCommentFinding, ZCountMatching, ZSetStatus, ZSlaPolicyInput } from "../queue.schemas";
import { queryMatchingCount, toQueueFilter } from "./queries";

function refresh(findingId?: string) {
  revalidatePath("/queue");
  if (findingId) revalidatePath(`/findings/${findingId}`);
}

export const assignFindingAction = withOrg({ schema: ZAssignFinding, permission: "finding:write" }, async (input, ctx) => {
  const assigneeId = input.assigneeId === "me" ? ctx.userId : input.assigneeId;
  const f = await assignFinding({ orgId: ctx.orgId, findingId: input.findingId, actorId: ctx.userId, assigneeId, ip: ctx.ip });
  refresh(f.id);
  return { id: f.id, assigneeId: f.assigneeId };
});

export const setStatusAction = withOrg({ schema: ZSetStatus, permission: "finding:write" }, async (input, ctx) => {
  const f = await updateFindingStatus({ orgId: ctx.orgId, findingId: input.findingId, actorId: ctx.userId, status: input.status, ip: ctx.ip, ...(input.comment ? { comment: input.comment } : {}) });
  refresh(f.id);
  return { id: f.id, status: f.status };
});

export const commentAction = withOrg({ schema: ZCommentFinding, permission: "finding:write" }, async (input, ctx) => {
  const ev = await commentOnFinding({ orgId: ctx.orgId, findingId: input.findingId, actorId: ctx.userId, body: input.body, ip: ctx.ip });
  refresh(input.findingId);
  return { id: ev.id };
});

export const bulkAction = withOrg({ schema: ZBulkAction, permission: "finding:write" }, async (input, ctx) => {
  const target = "ids" in input.target ? { ids: input.target.ids } : { filter: stripOrg(toQueueFilter(ctx.orgId, ctx.userId, input.target.filter)) };
  const change =
    input.change.kind === "assign"
      ? { kind: "assign" as const, assigneeId: input.change.assigneeId === "me" ? ctx.userId : input.change.assigneeId }
      : { kind: "status" as const, status: input.change.status };
  const res = await bulkUpdateFindings({ orgId: ctx.orgId, actorId: ctx.userId, target, change, ip: ctx.ip, ...(input.comment ? { comment: input.comment } : {}) });
  refresh();
  return res;
});

/** How many findings "everything matching" would change, for the confirmation. */
export const countMatchingAction = withOrg({ schema: ZCountMatching, permission: "finding:write" }, async (input, ctx) =>
  queryMatchingCount(toQueueFilter(ctx.orgId, ctx.userId, input.filter)),
);

export const updateSlaAction = withOrg({ schema: ZSlaPolicyInput, permission: "settings:manage" }, async (input, ctx) => {
  const res = await updateSlaPolicy({ orgId: ctx.orgId, actorId: ctx.userId, policy: input, ip: ctx.ip });
  revalidatePath("/queue");
  revalidatePath("/settings/policy");
  return res;
});

function stripOrg<T extends { orgId: string }>(f: T): Omit<T, "orgId"> {
  const { orgId: _orgId, ...rest } = f;
  return rest;
}
