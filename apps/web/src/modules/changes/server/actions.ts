"use server";
// Change history and continuous mode: the list (page and GET /api/clusters/{id}/changes), the
// per-cluster continuous toggle and the organization's retention. withOrg around one data call each.
import { revalidatePath } from "next/cache";
import { getLastClusterReport, listClusterChanges, setClusterContinuous, updateChangeRetention } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZChangeFilters, ZChangeRetention, ZSetContinuous, changeWindow } from "../changes.schemas";

export const listChangesOp = withOrg({ schema: ZChangeFilters, permission: "org:read" }, async (input, ctx) => {
  const report = input.range === "report" ? await getLastClusterReport({ orgId: ctx.orgId, clusterId: input.clusterId }) : null;
  return listClusterChanges({
    orgId: ctx.orgId,
    clusterId: input.clusterId,
    filter: { namespace: input.namespace, kind: input.kind, manager: input.manager, type: input.type, q: input.q, ...changeWindow(input, new Date(), report?.at ?? null) },
    ...(input.cursor ? { cursor: input.cursor } : {}),
    ...(input.limit ? { limit: input.limit } : {}),
  });
});

/** Admins turn a cluster's continuous mode on or off; audited as cluster.continuous. */
export const setContinuousAction = withOrg({ schema: ZSetContinuous, permission: "cluster:manage" }, async (input, ctx) => {
  const res = await setClusterContinuous({ orgId: ctx.orgId, clusterId: input.clusterId, actorId: ctx.userId, continuous: input.continuous, ip: ctx.ip });
  revalidatePath(`/clusters/${input.clusterId}`);
  return res;
});

export const updateRetentionAction = withOrg({ schema: ZChangeRetention, permission: "settings:manage" }, async (input, ctx) => {
  const res = await updateChangeRetention({ orgId: ctx.orgId, actorId: ctx.userId, days: input.days, ip: ctx.ip });
  revalidatePath("/settings/policy");
  return res;
});
