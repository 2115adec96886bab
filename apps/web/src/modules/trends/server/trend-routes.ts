// /api/trends rows of the API registry (lib/api-routes.ts spreads them in).
import { getCluster, vulnTrends } from "@bulwark/db";
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { orNotFound } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZVulnTrendsInput } from "../trends.schemas";

/** A cluster id of another organization answers 404, like one that exists nowhere. */
export const vulnTrendsOp = withOrg({ schema: ZVulnTrendsInput, permission: "org:read" }, async (input, ctx) => {
  const [cluster, trends] = await Promise.all([
    input.cluster ? getCluster({ orgId: ctx.orgId, clusterId: input.cluster }) : Promise.resolve(true),
    vulnTrends({ orgId: ctx.orgId, days: input.days, ...(input.cluster ? { clusterId: input.cluster } : {}) }),
  ]);
  orNotFound(cluster, "Cluster not found");
  return trends;
});

export const TREND_ROUTES = {
  "GET /api/trends/vulnerabilities": orgRoute({
    summary: "Vulnerability trends: open critical and high CVEs per day, and mean time to patch, per cluster and for the fleet",
    description:
      "Query: days (1-366, default 30: the last N UTC days ending today), cluster (a cluster id of the organization; 404 for any other). A CVE counts once per cluster x image, open from the first scan that saw it until the scan that no longer did. Answers { from, to, days: [{ day, critical, high }] (open at the end of each day), fleet, clusters: [{ clusterId, name, openCritical, openHigh, patched, mttpDays, patchedCritical, mttpCriticalDays }] }: patched counts fixable CVEs resolved in the range, mttpDays their mean days from first seen to resolved (null when none).",
    op: vulnTrendsOp,
    input: "query",
  }),
} satisfies Record<string, TRouteDef>;
