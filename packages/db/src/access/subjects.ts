// Subjects of an organization's access models, each once across clusters: most privileged first,
// then by kind, namespace and name. `privilege` keeps that level and above ("high" lists admins
// too); `q` matches the name or namespace, case-insensitively.
import type { Capability } from "@bulwark/rules";
import { db } from "../client";
import { clampLimit } from "../pagination";
import { refOf } from "./overview";
import type { SubjectRef } from "@bulwark/rules";

export interface TListAccessSubjectsInput {
  orgId: string;
  clusterId?: string;
  privilege?: "admin" | "high" | "medium";
  q?: string;
  /** Subjects every binding of which is Kubernetes' or the platform's own; included unless false. */
  includeBuiltIn?: boolean;
  /** Subjects (not rows); default 200, at most 1,000. */
  limit?: number;
}

export type TAccessSubjectRow = { ref: SubjectRef; clusters: Array<{ clusterId: string; clusterName: string; privilege: string; capabilities: Capability[] }> };

const LEVELS = { admin: ["admin"], high: ["admin", "high"], medium: ["admin", "high", "medium"] } as const;

export async function listAccessSubjects(input: TListAccessSubjectsInput): Promise<TAccessSubjectRow[]> {
  const params: unknown[] = [input.orgId];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`a."orgId" = $1`];
  if (input.clusterId !== undefined) where.push(`a."clusterId" = ${param(input.clusterId)}`);
  if (input.privilege) where.push(`a.privilege = ANY(${param([...LEVELS[input.privilege]])}::text[])`);
  if (input.includeBuiltIn === false) where.push(`NOT a."builtIn"`);
  const q = input.q?.trim();
  if (q) {
    const like = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(a.name ILIKE ${like} OR a.namespace ILIKE ${like})`);
  }
  const limit = param(clampLimit(input.limit, 200, 1000));
  const rank = `CASE a.privilege WHEN 'admin' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;
  const rows = await db.$queryRawUnsafe<Array<{ kind: string; namespace: string; name: string; clusterId: string; clusterName: string; privilege: string; capabilities: Capability[] }>>(
    `WITH picked AS (
       SELECT a.kind, a.namespace, a.name, min(${rank}) AS rank FROM "AccessSubject" a
       WHERE ${where.join(" AND ")}
       GROUP BY a.kind, a.namespace, a.name
       ORDER BY rank, a.kind, a.namespace, a.name
       LIMIT ${limit})
     SELECT a.kind, a.namespace, a.name, a."clusterId", c.name AS "clusterName", a.privilege, a.capabilities
     FROM picked p JOIN "AccessSubject" a ON a.kind = p.kind AND a.namespace = p.namespace AND a.name = p.name
     JOIN "Cluster" c ON c.id = a."clusterId"
     WHERE ${where.join(" AND ")}
     ORDER BY p.rank, a.kind, a.namespace, a.name, c.name, c.id`,
    ...params,
  );
  const out: TAccessSubjectRow[] = [];
  let last: TAccessSubjectRow | undefined;
  let lastKey = "";
  for (const r of rows) {
    const key = `${r.kind}\u001f${r.namespace}\u001f${r.name}`;
    if (key !== lastKey) {
      out.push((last = { ref: refOf(r.kind, r.name, r.namespace), clusters: [] }));
      lastKey = key;
    }
    last!.clusters.push({ clusterId: r.clusterId, clusterName: r.clusterName, privilege: r.privilege, capabilities: r.capabilities });
  }
  return out;
}
