// The fixes reads (GET /api/fixes, /api/fixes/{id}, /api/fixes/bundle, a cluster's write
// credential): withOrg around @bulwark/db calls. Another organization's ids answer 404 exactly like
// ids that exist nowhere.
import { NotFoundError, getCluster, getFixRequest, getWriteCredentialView, listFixRequests, loadFixInputs } from "@bulwark/db";
import { HttpError, orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { FIX_TABS, ZClusterRef, ZFixBundleInput, ZFixId, ZFixListInput, type TFixListInput } from "../fixes.schemas";
import { nothingFixableMessage, zipFixBundle } from "./bundle";

export function queryFixes(orgId: string, i: TFixListInput) {
  const status = i.status ?? (i.tab && i.tab !== "all" ? [...FIX_TABS[i.tab].statuses] : undefined);
  return listFixRequests({
    orgId,
    ...(status ? { status } : {}),
    ...(i.cluster ? { clusterId: i.cluster } : {}),
    ...(i.finding ? { findingId: i.finding } : {}),
    ...(i.cursor ? { cursor: i.cursor } : {}),
    ...(i.limit ? { limit: i.limit } : {}),
  });
}

export const listFixesOp = withOrg({ schema: ZFixListInput, permission: "org:read" }, async (input, ctx) => {
  if (input.cluster) orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.cluster }), "Cluster not found");
  return queryFixes(ctx.orgId, input);
});

export const getFixOp = withOrg({ schema: ZFixId, permission: "org:read" }, async (input, ctx) => orNotFound(await getFixRequest({ orgId: ctx.orgId, id: input.fixId }), "Fix request not found"));

/** The zip of the findings' (or the risk's) fixes; 400 with the reasons when nothing is fixable. */
export const fixBundleOp = withOrg({ schema: ZFixBundleInput, permission: "org:read" }, async (input, ctx) => {
  const groups = await loadFixInputs({ orgId: ctx.orgId, ...(input.risk ? { riskId: input.risk } : { findingIds: input.finding ?? [] }) }).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw new HttpError(404, input.risk ? "Risk not found" : "Finding not found");
    throw err;
  });
  const zipped = zipFixBundle(groups);
  if ("empty" in zipped) throw new HttpError(400, nothingFixableMessage(zipped.skipped), "nothing_fixable");
  return zipped;
});

export const getWriteCredentialOp = withOrg({ schema: ZClusterRef, permission: "org:read" }, async (input, ctx) => {
  orNotFound(await getCluster({ orgId: ctx.orgId, clusterId: input.clusterId }), "Cluster not found");
  return getWriteCredentialView({ orgId: ctx.orgId, clusterId: input.clusterId });
});
