"use server";
// Exceptions: members request, admins approve/reject, grant directly, edit, revoke. Every change is
// audited (with the caller's IP) in the same transaction by the data functions.
import { revalidatePath } from "next/cache";
import { decideException, getException, getFinding, grantException, listExceptions, requestException, revokeException, updateException } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZDecideException, ZEditException, ZExceptionFromFinding, ZExceptionId, ZExceptionList, ZRevokeException, TAB_STATUSES, expiryDateToInstant } from "../exceptions.schemas";
import { toExceptionView } from "./view";

function refresh(findingId?: string | null) {
  revalidatePath("/exceptions", "layout");
  if (findingId) revalidatePath(`/findings/${findingId}`);
}

/** Members request; admins (exception:decide) grant at once. */
export const createExceptionAction = withOrg({ schema: ZExceptionFromFinding, permission: "exception:request" }, async (input, ctx) => {
  const finding = orNotFound(await getFinding({ orgId: ctx.orgId, findingId: input.findingId }), "Finding not found");
  const s = input.scope;
  const scope = {
    ruleId: finding.ruleId,
    clusterId: s === "all" ? null : finding.clusterId,
    namespace: s === "object" || s === "namespace" ? (finding.namespace ?? "") : null,
    kind: s === "object" ? finding.kind : null,
    name: s === "object" ? finding.name : null,
    labelSelector: input.labelSelector ?? null,
  };
  const base = { orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, ...scope, justification: input.justification, expiresAt: expiryDateToInstant(input.expiresAt), findingId: finding.id };
  const grant = can(ctx.role, "exception:decide");
  const res = grant ? await grantException(base) : { exception: await requestException(base), covered: 0 };
  refresh(finding.id);
  return { id: res.exception.id, status: res.exception.status, covered: res.covered };
});

export const decideExceptionAction = withOrg({ schema: ZDecideException, permission: "exception:decide" }, async (input, ctx) => {
  const { exception, covered } = await decideException({ orgId: ctx.orgId, exceptionId: input.exceptionId, actorId: ctx.userId, decision: input.decision, note: input.note ?? null, ip: ctx.ip });
  refresh(exception.findingId);
  return { id: exception.id, status: exception.status, covered };
});

export const editExceptionAction = withOrg({ schema: ZEditException, permission: "exception:decide" }, async (input, ctx) => {
  const ex = await updateException({ orgId: ctx.orgId, exceptionId: input.exceptionId, actorId: ctx.userId, justification: input.justification, expiresAt: expiryDateToInstant(input.expiresAt), ip: ctx.ip });
  refresh(ex.findingId);
  return { id: ex.id, status: ex.status };
});

export const revokeExceptionAction = withOrg({ schema: ZRevokeException, permission: "exception:decide" }, async (input, ctx) => {
  const { exception, released } = await revokeException({ orgId: ctx.orgId, exceptionId: input.exceptionId, actorId: ctx.userId, note: input.note ?? null, ip: ctx.ip });
  refresh(exception.findingId);
  return { id: exception.id, status: exception.status, released };
});

export const getExceptionOp = withOrg({ schema: ZExceptionId, permission: "org:read" }, async (input, ctx) =>
  toExceptionView(orNotFound(await getException({ orgId: ctx.orgId, exceptionId: input.exceptionId }), "Exception not found")),
);

export const listExceptionsOp = withOrg({ schema: ZExceptionList, permission: "org:read" }, async (input, ctx) => {
  const rows = await listExceptions({ orgId: ctx.orgId, ...(input.tab ? { statuses: [...TAB_STATUSES[input.tab]] } : {}) });
  return { items: rows.map(toExceptionView) };
});
