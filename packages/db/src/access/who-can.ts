// "Who can VERB RESOURCE [in NS]" over the stored access models of an organization's clusters.
// SQL narrows the grants with the rule arrays (verbs, groups, resources or non-resource URLs,
// scope); @bulwark/rules' whoCan then decides each one exactly as the Kubernetes RBAC authorizer
// does (resourceNames, subresources, URL prefixes) and groups them per subject with every path,
// so the web app, the API and the CLI give one answer.
import { parseResource, whoCan, type AccessGrant, type AccessQuery, type AccessSubjectKind, type WhoCanSubject } from "@bulwark/rules";
import { db } from "../client";

export interface TWhoCanQueryInput {
  orgId: string;
  query: AccessQuery;
  /** One cluster; undefined = every cluster of the organization. */
  clusterId?: string;
  /** Kubernetes' and the platform's own bindings (system:...); included unless false. */
  includeBuiltIn?: boolean;
}

export interface TWhoCanCluster {
  clusterId: string;
  clusterName: string;
  builtAt: Date;
  subjects: WhoCanSubject[];
}

/** The columns of an AccessGrant row that make an AccessGrant of @bulwark/rules. */
export const GRANT_SELECT = `g.key, g."clusterId", g."subjectKind", g."subjectName", g."subjectNamespace", g."bindingKind", g."bindingName", g."bindingNamespace",
  g."roleKind", g."roleName", g."ruleIndex", g."ruleSource", g."apiGroups", g.resources, g.verbs, g."resourceNames", g."nonResourceUrls", g.scope, g."builtIn"`;

export interface TGrantRow {
  key: string;
  clusterId: string;
  subjectKind: string;
  subjectName: string;
  subjectNamespace: string;
  bindingKind: string;
  bindingName: string;
  bindingNamespace: string;
  roleKind: string;
  roleName: string;
  ruleIndex: number;
  ruleSource: string | null;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceUrls: string[];
  scope: string;
  builtIn: boolean;
}

export function toGrant(r: TGrantRow): AccessGrant {
  return {
    key: r.key,
    subject: { kind: r.subjectKind as AccessSubjectKind, name: r.subjectName, ...(r.subjectNamespace ? { namespace: r.subjectNamespace } : {}) },
    bindingKind: r.bindingKind as AccessGrant["bindingKind"],
    bindingName: r.bindingName,
    ...(r.bindingNamespace ? { bindingNamespace: r.bindingNamespace } : {}),
    roleKind: r.roleKind as AccessGrant["roleKind"],
    roleName: r.roleName,
    ruleIndex: r.ruleIndex,
    ...(r.ruleSource ? { ruleSource: r.ruleSource } : {}),
    rule: { apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs, resourceNames: r.resourceNames, nonResourceURLs: r.nonResourceUrls },
    ...(r.scope ? { scope: r.scope } : {}),
    builtIn: r.builtIn,
  };
}

/** The SQL prefilter of a question: every grant that may allow it (and some that do not). */
function prefilter(q: AccessQuery, param: (v: unknown) => string): string {
  const verb = param([q.verb, "*"]);
  if (q.nonResourceURL) {
    // Non-resource URLs are granted only through ClusterRoleBindings (cluster-wide).
    return `g.verbs && ${verb}::text[] AND cardinality(g."nonResourceUrls") > 0 AND g.scope = ''`;
  }
  const parsed = parseResource(q.resource ?? "");
  const group = q.apiGroup ?? parsed.group;
  const combined = parsed.subresource ? `${parsed.resource}/${parsed.subresource}` : parsed.resource;
  const resources = [combined, "*", ...(parsed.subresource ? [`*/${parsed.subresource}`] : [])];
  const scope = q.namespace ? `g.scope IN ('', ${param(q.namespace)})` : `g.scope = ''`;
  return `g.verbs && ${verb}::text[] AND g."apiGroups" && ${param([group, "*"])}::text[] AND g.resources && ${param(resources)}::text[] AND ${scope}`;
}

export async function whoCanQuery(input: TWhoCanQueryInput): Promise<{ clusters: TWhoCanCluster[] }> {
  const params: unknown[] = [input.orgId];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const clusterFilter = input.clusterId !== undefined ? ` AND c.id = ${param(input.clusterId)}` : "";
  const clusters = await db.$queryRawUnsafe<Array<{ clusterId: string; clusterName: string; builtAt: Date }>>(
    `SELECT c.id AS "clusterId", c.name AS "clusterName", s."builtAt" FROM "Cluster" c JOIN "AccessSnapshot" s ON s."clusterId" = c.id
     WHERE c."orgId" = $1${clusterFilter} ORDER BY c.name, c.id`,
    ...params,
  );
  if (clusters.length === 0) return { clusters: [] };
  params.length = 1;
  // By cluster id (of this organization's built clusters), so that (clusterId, scope) narrows the
  // scan to the question's namespace and the cluster-wide grants.
  const where = [`g."orgId" = $1`, `g."clusterId" = ANY(${param(clusters.map((c) => c.clusterId))}::text[])`, prefilter(input.query, param), ...(input.includeBuiltIn === false ? [`NOT g."builtIn"`] : [])];
  const rows = await db.$queryRawUnsafe<TGrantRow[]>(`SELECT ${GRANT_SELECT} FROM "AccessGrant" g WHERE ${where.join(" AND ")}`, ...params);
  const byCluster = new Map<string, AccessGrant[]>();
  for (const r of rows) {
    let list = byCluster.get(r.clusterId);
    if (!list) byCluster.set(r.clusterId, (list = []));
    list.push(toGrant(r));
  }
  return {
    clusters: clusters.map((c) => ({ ...c, subjects: whoCan(byCluster.get(c.clusterId) ?? [], input.query) })),
  };
}
