// /api/access rows of the API registry (lib/api-routes.ts spreads them in): the access model's
// queries (who can, subjects, stale access, changes).
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { accessChangesOp, accessOverviewOp, accessSubjectOp, accessSubjectsOp, staleAccessOp, whoCanOp } from "./access-ops";

const CLUSTER = "cluster: a cluster id of the organization (404 for any other).";

export const ACCESS_ROUTES = {
  "GET /api/access/overview": orgRoute({
    summary: "Access across the organization's clusters: counts per cluster, who holds cluster-admin or its equivalents, the last signed-off review",
    description:
      "Answers { clusters: [{ clusterId, clusterName, builtAt, counts, admins, stale, changesSinceReview }], privileged: [{ ref, level, clusters: [{ clusterId, clusterName, capabilities }] }], lastReview }. builtAt null: the cluster has no access model yet (scan it). privileged lists subjects at level admin or high that are not built in, admin first.",
    op: accessOverviewOp,
    input: "query",
  }),
  "GET /api/access/who-can": orgRoute({
    summary: "Who can do something: subjects whose RBAC grants allow a request, with every path (binding -> role -> rule), per cluster",
    description: `Query: verb (get, list, create, *, ...), resource (kubectl's RESOURCE[.GROUP][/SUBRESOURCE]: secrets, pods/exec, deployments.apps; or a non-resource URL such as /metrics), namespace (none: a cluster-wide request), name (an object name, for rules limited by resourceNames), includeNamed (1: also list grants limited to named objects), hideBuiltIn (1: leave out Kubernetes' own bindings), ${CLUSTER} Decided as the Kubernetes RBAC authorizer does. The time the server took is in the Server-Timing header.`,
    op: whoCanOp,
    input: "query",
  }),
  "GET /api/access/subject": orgRoute({
    summary: "What a subject (user, group or service account) can do, in every cluster that knows it",
    description:
      "Query: kind (User | Group | ServiceAccount), name, namespace (service accounts). Answers { ref, clusters: [{ clusterId, clusterName, exists, builtIn, workloads, capabilities, privilege, vias }] }; vias include grants held through implicit groups (viaGroup). 404 when no cluster of the organization knows the subject.",
    op: accessSubjectOp,
    input: "query",
  }),
  "GET /api/access/subjects": orgRoute({
    summary: "Subjects of the organization's clusters with their privilege level and risky capabilities",
    description: `Query: privilege (admin | high | medium: at least), q (name contains), includeBuiltIn (1), limit (at most 1000), ${CLUSTER}`,
    op: accessSubjectsOp,
    input: "query",
  }),
  "GET /api/access/stale": orgRoute({
    summary: "Stale access: bindings to missing subjects or roles, unused service accounts, unbound roles, anonymous bindings, long-lived tokens; people bound in some clusters but not others",
    description: `Query: ${CLUSTER} Answers { items: [{ kind, object, subject?, detail, clusterId, clusterName }], partial: [{ ref, boundIn, missingFrom }] }.`,
    op: staleAccessOp,
    input: "query",
  }),
  "GET /api/access/changes": orgRoute({
    summary: "Access changes: grants added and removed between scans, newest first, with the scan and time",
    description: `Query: change (added | removed), kind, name, namespace (one subject), since (ISO time), cursor, limit (at most 200), ${CLUSTER} Answers { items, nextCursor }.`,
    op: accessChangesOp,
    input: "query",
  }),
} satisfies Record<string, TRouteDef>;
