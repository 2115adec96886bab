// What an exception covers, shared by approval (mark findings excepted now) and release (revoke,
// expiry): the same scope the engine applies on the next scan (rule; cluster, namespace, kind, name,
// labels), matched here against stored findings and the labels of their last seen object.
import type { Prisma, RiskException } from "../generated/prisma/client";
import type { Tx } from "../client";
import { objectKey } from "../objects/sanitize-manifest";

/** Longest an exception may last: accepted risk must be looked at again at least yearly. */
export const MAX_EXCEPTION_DAYS = 366;
/** Exceptions this close to their expiry notify the requester and the assignees once. */
export const EXPIRY_WARNING_DAYS = 7;

export type TExceptionScope = Pick<RiskException, "ruleId" | "clusterId" | "namespace" | "kind" | "name" | "labelSelector">;

/** Unresolved statuses a new exception may take over (an excepted finding without an exception is legacy "accept risk"). */
const COVERABLE = ["open", "reopened", "in_progress", "excepted"] as const;

export function labelSelectorOf(v: unknown): Record<string, string> | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return Object.keys(out).length ? out : null;
}

export function scopeWhere(orgId: string, s: TExceptionScope): Prisma.FindingWhereInput {
  return {
    orgId,
    ...(s.ruleId === "*" ? {} : { ruleId: s.ruleId }),
    ...(s.clusterId ? { clusterId: s.clusterId } : {}),
    ...(s.namespace !== null && s.namespace !== undefined ? { namespace: s.namespace === "" ? null : s.namespace } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
    ...(s.name ? { name: s.name } : {}),
  };
}

function labelsMatch(selector: Record<string, string>, labels: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

type TCandidate = { id: string; clusterId: string; uid: string | null; kind: string; namespace: string | null; name: string };

/** Keeps the findings whose object carries every label of the selector (objects never stored do not match). */
export async function filterByLabels<T extends TCandidate>(tx: Tx, orgId: string, selector: Record<string, string> | null, rows: T[]): Promise<T[]> {
  if (!selector || rows.length === 0) return rows;
  const keyOf = (r: TCandidate) => objectKey({ uid: r.uid ?? undefined, kind: r.kind, namespace: r.namespace ?? undefined, name: r.name });
  const objects = await tx.clusterObject.findMany({
    where: { orgId, OR: rows.map((r) => ({ clusterId: r.clusterId, key: keyOf(r) })) },
    select: { clusterId: true, key: true, manifest: true },
  });
  const labels = new Map(
    objects.map((o) => {
      const md = ((o.manifest ?? {}) as { metadata?: { labels?: Record<string, unknown> } }).metadata;
      return [`${o.clusterId}|${o.key}`, md?.labels ?? {}] as const;
    }),
  );
  return rows.filter((r) => {
    const l = labels.get(`${r.clusterId}|${keyOf(r)}`);
    return l !== undefined && labelsMatch(selector, l);
  });
}

/** Unresolved findings the scope covers that no other exception holds yet. */
export async function coverableFindings(tx: Tx, orgId: string, s: TExceptionScope, onlyIds?: string[]) {
  const rows = await tx.finding.findMany({
    where: { ...scopeWhere(orgId, s), status: { in: [...COVERABLE] }, exceptionId: null, ...(onlyIds ? { id: { in: onlyIds } } : {}) },
    select: { id: true, clusterId: true, uid: true, kind: true, namespace: true, name: true, status: true, assigneeId: true },
  });
  return filterByLabels(tx, orgId, labelSelectorOf(s.labelSelector), rows);
}

/** Marks the covered findings excepted at once, without waiting for a scan. Returns how many. */
export async function applyException(tx: Tx, ex: RiskException, actorId: string | null, onlyIds?: string[]): Promise<number> {
  const rows = await coverableFindings(tx, ex.orgId, ex, onlyIds);
  if (rows.length === 0) return 0;
  await tx.finding.updateMany({ where: { orgId: ex.orgId, id: { in: rows.map((r) => r.id) } }, data: { status: "excepted", exceptionId: ex.id } });
  await tx.findingEvent.createMany({
    data: rows.map((r) => ({ orgId: ex.orgId, findingId: r.id, actorId, type: "excepted", data: { exceptionId: ex.id, from: r.status, expiresAt: ex.expiresAt.toISOString() } })),
  });
  return rows.length;
}

/**
 * Returns the exception's findings to open (revoked or expired): an event on each, and a note for
 * each assignee. A finding another active exception also covers moves to that one instead.
 */
export async function releaseException(tx: Tx, ex: RiskException, opts: { actorId: string | null; reason: "revoked" | "expired"; now: Date }): Promise<number> {
  const rows = await tx.finding.findMany({
    where: { orgId: ex.orgId, exceptionId: ex.id },
    select: { id: true, status: true, assigneeId: true, ruleId: true, kind: true, namespace: true, name: true, clusterId: true },
  });
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  await tx.finding.updateMany({ where: { orgId: ex.orgId, id: { in: ids } }, data: { exceptionId: null } });
  await tx.finding.updateMany({ where: { orgId: ex.orgId, id: { in: ids }, status: "excepted" }, data: { status: "open" } });
  await tx.findingEvent.createMany({
    data: rows.map((r) => ({ orgId: ex.orgId, findingId: r.id, actorId: opts.actorId, type: "exception_expired", data: { exceptionId: ex.id, reason: opts.reason, to: "open" } })),
  });
  // Another active exception may cover some of them: hand those over rather than leave them open.
  const others = await tx.riskException.findMany({
    where: { orgId: ex.orgId, status: "approved", expiresAt: { gt: opts.now }, id: { not: ex.id }, ruleId: { in: [...new Set(rows.map((r) => r.ruleId)), "*"] } },
    orderBy: { expiresAt: "desc" },
  });
  let remaining = ids;
  for (const other of others) {
    if (remaining.length === 0) break;
    const taken = await coverableFindings(tx, ex.orgId, other, remaining);
    if (taken.length === 0) continue;
    await applyException(tx, other, null, taken.map((t) => t.id));
    const set = new Set(taken.map((t) => t.id));
    remaining = remaining.filter((id) => !set.has(id));
  }
  const reopened = new Set(remaining);
  const byAssignee = new Map<string, number>();
  for (const r of rows) if (r.assigneeId && reopened.has(r.id)) byAssignee.set(r.assigneeId, (byAssignee.get(r.assigneeId) ?? 0) + 1);
  if (byAssignee.size > 0) {
    const what = opts.reason === "expired" ? "expired" : "was revoked";
    await tx.notification.createMany({
      data: [...byAssignee].map(([userId, n]) => ({
        orgId: ex.orgId,
        userId,
        kind: "exception_expired",
        title: `An exception for ${ex.ruleId} ${what}`,
        body: `${n} finding${n === 1 ? "" : "s"} assigned to you ${n === 1 ? "is" : "are"} open again.`,
        link: `/exceptions/${ex.id}`,
      })),
    });
  }
  return rows.length;
}

/** The scope in words: "Deployment shop/web on payments-prod", "namespace shop on all clusters", ... */
export function describeExceptionScope(e: {
  clusterId: string | null;
  clusterName: string | null;
  namespace: string | null;
  kind: string | null;
  name: string | null;
  labelSelector: Record<string, string> | null;
}): string {
  const where = e.clusterId ? (e.clusterName ?? "a deleted cluster") : "all clusters";
  let what: string;
  if (e.name) what = `${e.kind ?? "object"} ${e.namespace ? `${e.namespace}/` : ""}${e.name}`;
  else if (e.kind) what = `every ${e.kind}${e.namespace ? ` in ${e.namespace}` : ""}`;
  else if (e.namespace !== null) what = e.namespace === "" ? "cluster-scoped objects" : `namespace ${e.namespace}`;
  else what = "every object";
  const labels = e.labelSelector ? ` labelled ${Object.entries(e.labelSelector).map(([k, v]) => `${k}=${v}`).join(", ")}` : "";
  return `${what}${labels} on ${where}`;
}
