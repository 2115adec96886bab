"use server";
// A risk's actions as a unit. Assigning a risk assigns its open findings too; its status is
// tracked by people (a scan that still sees it reopens it); "accept risk" requests (members) or
// grants (admins) an exception for every open finding of the risk, each scoped to its object, through
// the same exception functions the finding page uses. Viewers get 403, other organizations 404.
import { revalidatePath } from "next/cache";
import { assignRisk, commentOnRisk, getRisk, grantException, requestException, setRiskStatus } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { expiryDateToInstant } from "@/modules/exceptions/exceptions.schemas";
import { acceptPlan } from "../accept-plan";
import { ZAcceptRisk, ZAssignRisk, ZCommentRisk, ZSetRiskStatus } from "../risks.schemas";

function refresh(riskId: string, findingIds: string[] = []) {
  revalidatePath(`/risks/${riskId}`);
  revalidatePath("/findings");
  for (const id of findingIds) revalidatePath(`/findings/${id}`);
}

export const assignRiskAction = withOrg({ schema: ZAssignRisk, permission: "finding:write" }, async (input, ctx) => {
  const assigneeId = input.assigneeId === "me" ? ctx.userId : input.assigneeId;
  const r = await assignRisk({ orgId: ctx.orgId, riskId: input.riskId, actorId: ctx.userId, assigneeId, ip: ctx.ip });
  refresh(r.id);
  return { id: r.id, assigneeId: r.assigneeId };
});

export const setRiskStatusAction = withOrg({ schema: ZSetRiskStatus, permission: "finding:write" }, async (input, ctx) => {
  const r = await setRiskStatus({ orgId: ctx.orgId, riskId: input.riskId, actorId: ctx.userId, status: input.status, ip: ctx.ip, ...(input.comment ? { comment: input.comment } : {}) });
  refresh(r.id);
  return { id: r.id, status: r.status };
});

export const commentRiskAction = withOrg({ schema: ZCommentRisk, permission: "finding:write" }, async (input, ctx) => {
  const ev = await commentOnRisk({ orgId: ctx.orgId, riskId: input.riskId, actorId: ctx.userId, body: input.body, ip: ctx.ip });
  refresh(input.riskId);
  return { id: ev.id };
});

export const acceptRiskAction = withOrg({ schema: ZAcceptRisk, permission: "exception:request" }, async (input, ctx) => {
  const risk = orNotFound(await getRisk({ orgId: ctx.orgId, id: input.riskId }), "Risk not found");
  const plan = acceptPlan(risk.findings);
  if (plan.length === 0) throw new HttpError(409, "Every finding of this risk is already covered by an exception, resolved or expected: there is nothing to accept.");
  const grant = can(ctx.role, "exception:decide");
  const expiresAt = expiryDateToInstant(input.expiresAt);
  const ids: string[] = [];
  let covered = 0;
  for (const s of plan) {
    const base = { orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, ruleId: s.ruleId, clusterId: s.clusterId, namespace: s.namespace, kind: s.kind, name: s.name, justification: input.justification, expiresAt, findingId: s.findingId };
    if (grant) {
      const res = await grantException(base);
      ids.push(res.exception.id);
      covered += res.covered;
    } else {
      ids.push((await requestException(base)).id);
    }
  }
  // The risk's own history says it was accepted, and why.
  const what = `${grant ? "Granted" : "Requested"} ${plan.length} exception${plan.length === 1 ? "" : "s"} (one per finding's rule and object) until ${input.expiresAt}: ${input.justification}`;
  await commentOnRisk({ orgId: ctx.orgId, riskId: risk.id, actorId: ctx.userId, body: what, ip: ctx.ip });
  revalidatePath("/exceptions", "layout");
  refresh(risk.id, plan.map((s) => s.findingId));
  return { status: grant ? ("approved" as const) : ("requested" as const), exceptions: ids, covered };
});
