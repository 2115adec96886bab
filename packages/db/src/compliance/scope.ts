// Compliance scope: which clusters (and, within them, which namespaces) a framework covers. HIPAA
// applies to the systems that hold ePHI, not to the whole fleet. A framework never scoped covers
// every cluster of the organization; a scoped one covers its rows only (none left when its clusters
// were deleted); a row with no namespaces means the whole cluster.
import { getFramework, type Framework } from "@bulwark/rules";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export interface TComplianceScopeCluster {
  clusterId: string;
  clusterName: string;
  /** Empty: the whole cluster. Otherwise these namespaces plus cluster-scoped objects. */
  namespaces: string[];
}

export interface TComplianceScope {
  framework: string;
  /** False: no scope set, every cluster of the organization is covered. */
  scoped: boolean;
  clusters: TComplianceScopeCluster[];
}

export const MAX_SCOPE_NAMESPACES = 200;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The framework, or a NotFoundError naming the unknown id. */
export function frameworkOrThrow(id: string): Framework {
  const fw = getFramework(id);
  if (!fw) throw new NotFoundError(`framework ${JSON.stringify(id.slice(0, 80))}`);
  return fw;
}

export async function getComplianceScope(input: { orgId: string; framework: string }): Promise<TComplianceScope> {
  frameworkOrThrow(input.framework);
  const rows = await db.complianceScope.findMany({
    where: { orgId: input.orgId, framework: input.framework, cluster: { orgId: input.orgId } },
    select: { clusterId: true, namespaces: true, cluster: { select: { name: true } } },
    orderBy: [{ cluster: { name: "asc" } }, { clusterId: "asc" }],
  });
  const org = rows.length > 0 ? null : await db.organization.findUnique({ where: { id: input.orgId }, select: { scopedFrameworks: true } });
  if (rows.length > 0 || org?.scopedFrameworks.includes(input.framework)) {
    // A scope whose clusters were all deleted covers nothing (never, silently, the whole fleet).
    return { framework: input.framework, scoped: true, clusters: rows.map((r) => ({ clusterId: r.clusterId, clusterName: r.cluster.name, namespaces: [...r.namespaces].sort() })) };
  }
  const clusters = await db.cluster.findMany({ where: { orgId: input.orgId }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return { framework: input.framework, scoped: false, clusters: clusters.map((c) => ({ clusterId: c.id, clusterName: c.name, namespaces: [] })) };
}

/**
 * Replaces the framework's scope (an empty list clears it: every cluster). Every cluster must be
 * the organization's; namespaces must be DNS labels. Audited with the scope before and after.
 */
export async function setComplianceScope(input: {
  orgId: string;
  actorId: string;
  framework: string;
  clusters: ReadonlyArray<{ clusterId: string; namespaces?: readonly string[] }>;
  ip?: string | null;
}): Promise<TComplianceScope> {
  frameworkOrThrow(input.framework);
  const wanted = new Map<string, string[]>();
  for (const c of input.clusters) {
    if (wanted.has(c.clusterId)) throw new DomainError("a cluster is listed twice in the scope");
    const namespaces = [...new Set((c.namespaces ?? []).map((n) => n.trim()))].sort();
    if (namespaces.length > MAX_SCOPE_NAMESPACES) throw new DomainError(`at most ${MAX_SCOPE_NAMESPACES} namespaces per cluster`);
    const bad = namespaces.find((n) => !DNS_LABEL.test(n));
    if (bad !== undefined) throw new DomainError(`${JSON.stringify(bad.slice(0, 80))} is not a namespace name (lower-case letters, digits and hyphens, at most 63)`);
    wanted.set(c.clusterId, namespaces);
  }
  await db.$transaction(async (tx) => {
    // One writer of a framework's scope at a time: concurrent replacements apply one after the other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`compliance-scope:${input.orgId}:${input.framework}`}))`;
    const ids = [...wanted.keys()];
    const found = ids.length ? await tx.cluster.findMany({ where: { orgId: input.orgId, id: { in: ids } }, select: { id: true, name: true } }) : [];
    if (found.length !== ids.length) throw new DomainError("a cluster in the scope is not one of this organization's");
    const names = new Map(found.map((c) => [c.id, c.name]));
    const before = await tx.complianceScope.findMany({ where: { orgId: input.orgId, framework: input.framework }, select: { clusterId: true, namespaces: true } });
    await tx.complianceScope.deleteMany({ where: { orgId: input.orgId, framework: input.framework } });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { scopedFrameworks: true } });
    const others = org.scopedFrameworks.filter((f) => f !== input.framework);
    await tx.organization.update({ where: { id: input.orgId }, data: { scopedFrameworks: ids.length ? [...others, input.framework] : others } });
    if (ids.length) {
      await tx.complianceScope.createMany({
        data: ids.map((clusterId) => ({ orgId: input.orgId, framework: input.framework, clusterId, namespaces: wanted.get(clusterId)!, createdById: input.actorId })),
      });
    }
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        action: "compliance.scope",
        targetType: "framework",
        targetId: input.framework,
        data: {
          before: before.map((b) => ({ clusterId: b.clusterId, namespaces: b.namespaces })),
          after: ids.map((clusterId) => ({ clusterId, cluster: names.get(clusterId), namespaces: wanted.get(clusterId) })),
        },
        ip: input.ip ?? null,
      },
      tx,
    );
  });
  return getComplianceScope({ orgId: input.orgId, framework: input.framework });
}
