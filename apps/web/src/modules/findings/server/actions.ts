"use server";
// Findings: the list behind /api/findings and the changes (assign, status, comment, bulk). Each goes
// through withOrg: viewers get 403, another organization's ids 404; the data functions write the
// FindingEvent, the audit row (with the caller's address) and the assignee's notification in one
// transaction.
import { revalidatePath } from "next/cache";
import { assignFinding, bulkUpdateFindings, commentOnFinding, updateFindingStatus } from "@bulwark/db";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZAssignFinding, ZBulkAction, ZCommentFinding, ZCountMatching, ZFindingFilters, ZFindingId, ZSetStatus, pickFilter } from "../findings.schemas";
import { queryFinding, queryFindings, queryMatchingCount, toFindingFilter } from "./queries";

function refresh(findingId?: string) {
  revalidatePath("/findings");
  if (findingId) revalidatePath(`/findings/${findingId}`);
}

/** The list as the All tab shows it (open work unless a status is asked for), one page. */
export const listFindingsOp = withOrg({ schema: ZFindingFilters, permission: "org:read" }, async (input, ctx) => {
  const page = await queryFindings(toFindingFilter(ctx.orgId, ctx.userId, pickFilter(input)), { ...(input.cursor ? { cursor: input.cursor } : {}), ...(input.limit ? { limit: input.limit } : {}) });
  return { items: page.items, nextCursor: page.nextCursor, total: page.count.value, totalCapped: page.count.capped };
});

export const getFindingOp = withOrg({ schema: ZFindingId, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await queryFinding(ctx.orgId, input.findingId), "Finding not found"),
);

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
  const target = "ids" in input.target ? { ids: input.target.ids } : { filter: stripOrg(toFindingFilter(ctx.orgId, ctx.userId, input.target.filter)) };
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
  queryMatchingCount(toFindingFilter(ctx.orgId, ctx.userId, input.filter)),
);

function stripOrg<T extends { orgId: string }>(f: T): Omit<T, "orgId"> {
  const { orgId: _orgId, ...rest } = f;
  return rest;
}
