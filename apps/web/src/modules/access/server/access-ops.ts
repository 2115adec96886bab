// The access model's read operations (GET /api/access/*): withOrg around one @bulwark/db query
// each. A cluster id of another organization, or a subject none of the caller's clusters knows,
// answers 404 exactly like one that exists nowhere.
import { getAccessOverview, getAccessSubject, getCluster, listAccessChanges, listAccessSubjects, listStaleAccess, whoCanQuery } from "@bulwark/db";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZChangesInput, ZOverviewInput, ZStaleInput, ZSubjectInput, ZSubjectsInput, ZWhoCanInput, changesSubject, toAccessQuery, type TChangesInput } from "../access.schemas";

/** Runs the query and, when it names a cluster, checks that cluster is the caller's (in parallel: no added latency). */
async function inCluster<T>(orgId: string, clusterId: string | undefined, run: () => Promise<T>): Promise<T> {
  const [cluster, result] = await Promise.all([clusterId ? getCluster({ orgId, clusterId }) : Promise.resolve(true), run()]);
  orNotFound(cluster, "Cluster not found");
  return result;
}

export const accessOverviewOp = withOrg({ schema: ZOverviewInput, permission: "org:read" }, async (_input, ctx) => getAccessOverview({ orgId: ctx.orgId }));

export const whoCanOp = withOrg({ schema: ZWhoCanInput, permission: "org:read" }, async (input, ctx) => {
  const query = toAccessQuery(input);
  const answer = await inCluster(ctx.orgId, input.cluster, () =>
    whoCanQuery({ orgId: ctx.orgId, query, ...(input.cluster ? { clusterId: input.cluster } : {}), includeBuiltIn: !input.hideBuiltIn }),
  );
  return { query, ...answer };
});

export const accessSubjectOp = withOrg({ schema: ZSubjectInput, permission: "org:read" }, async (input, ctx) =>
  orNotFound(
    await getAccessSubject({ orgId: ctx.orgId, kind: input.kind, name: input.name, ...(input.namespace && input.kind === "ServiceAccount" ? { namespace: input.namespace } : {}) }),
    "No cluster of this organization knows this subject",
  ),
);

export const accessSubjectsOp = withOrg({ schema: ZSubjectsInput, permission: "org:read" }, async (input, ctx) => {
  const subjects = await inCluster(ctx.orgId, input.cluster, () =>
    listAccessSubjects({
      orgId: ctx.orgId,
      ...(input.cluster ? { clusterId: input.cluster } : {}),
      ...(input.privilege ? { privilege: input.privilege } : {}),
      ...(input.q ? { q: input.q } : {}),
      includeBuiltIn: input.includeBuiltIn,
      ...(input.limit ? { limit: input.limit } : {}),
    }),
  );
  return { subjects };
});

export const staleAccessOp = withOrg({ schema: ZStaleInput, permission: "org:read" }, async (input, ctx) =>
  inCluster(ctx.orgId, input.cluster, () => listStaleAccess({ orgId: ctx.orgId, ...(input.cluster ? { clusterId: input.cluster } : {}) })),
);

/** Reads of the data layer one filtered page may take (it has no change-type filter). */
const MAX_FILTER_READS = 10;

/**
 * Access changes, newest first. The change filter (added/removed) is applied here: each read asks
 * for no more rows than the page still needs, so nothing read is dropped and the cursor stays
 * exact; a page may come back short after MAX_FILTER_READS reads, with a cursor to go on.
 */
export async function accessChanges(orgId: string, input: TChangesInput) {
  const limit = input.limit ?? 50;
  const subject = changesSubject(input);
  const base = { orgId, ...(input.cluster ? { clusterId: input.cluster } : {}), ...(input.since ? { since: input.since } : {}), ...(subject ? { subject } : {}) };
  if (!input.change) return listAccessChanges({ ...base, limit, ...(input.cursor ? { cursor: input.cursor } : {}) });
  type TPage = Awaited<ReturnType<typeof listAccessChanges>>;
  const items: TPage["items"] = [];
  let cursor = input.cursor ?? null;
  for (let i = 0; i < MAX_FILTER_READS && items.length < limit; i++) {
    const page: TPage = await listAccessChanges({ ...base, limit: limit - items.length, ...(cursor ? { cursor } : {}) });
    items.push(...page.items.filter((c) => c.change === input.change));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, nextCursor: cursor };
}

export const accessChangesOp = withOrg({ schema: ZChangesInput, permission: "org:read" }, async (input, ctx) =>
  inCluster(ctx.orgId, input.cluster, () => accessChanges(ctx.orgId, input)),
);
