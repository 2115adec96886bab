"use server";
// What open pages poll (GET /api/live): stamps that move when findings, risks or scores may have
// changed, and the last watch event. Read scope; org-scoped; a foreign cluster is a 404.
import { getLiveStamps } from "@bulwark/db";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZLiveQuery } from "../live.schemas";

export const liveStampsOp = withOrg({ schema: ZLiveQuery, permission: "org:read" }, async (input, ctx) =>
  orNotFound(await getLiveStamps({ orgId: ctx.orgId, ...(input.clusterId ? { clusterId: input.clusterId } : {}) }), "Cluster not found"),
);
