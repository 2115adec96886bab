"use server";
// Findings reads behind /api/findings. Changes (assign, status, comment, bulk) live in modules/queue.
import { withOrg } from "@/modules/auth/server/with-org";
import { orNotFound } from "@/modules/auth/server/errors";
import { ZFindingFilters, ZFindingId } from "../findings.schemas";
import { queryFinding, queryFindings } from "./queries";

export const listFindingsOp = withOrg({ schema: ZFindingFilters, permission: "org:read" }, async (input, ctx) => queryFindings(ctx.orgId, input));

export const getFindingOp = withOrg({ schema: ZFindingId, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await queryFinding(ctx.orgId, input.findingId), "Finding not found"),
);
