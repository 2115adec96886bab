"use server";
// Findings operations: reads behind /api/findings, and triage (status changes) for members.
import { withOrg } from "@/modules/auth/server/with-org";
import { orNotFound } from "@/modules/auth/server/errors";
import { revalidatePath } from "next/cache";
import { updateFindingStatus } from "@bulwark/db";
import { ZFindingFilters, ZFindingId, ZSetFindingStatus } from "../findings.schemas";
import { queryFinding, queryFindings } from "./queries";

export const listFindingsOp = withOrg({ schema: ZFindingFilters, permission: "org:read" }, async (input, ctx) => queryFindings(ctx.orgId, input));

export const getFindingOp = withOrg({ schema: ZFindingId, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await queryFinding(ctx.orgId, input.findingId), "Finding not found"),
);

export const setFindingStatusAction = withOrg({ schema: ZSetFindingStatus, permission: "finding:write" }, async (input, ctx) => {
  const updated = await updateFindingStatus({ orgId: ctx.orgId, findingId: input.findingId, actorId: ctx.userId, status: input.status, ...(input.comment ? { comment: input.comment } : {}) });
  revalidatePath(`/findings/${input.findingId}`);
  return { id: updated.id, status: updated.status };
});
