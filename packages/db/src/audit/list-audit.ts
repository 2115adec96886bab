// Reading the audit trail: filters (action, actor, target, date range), keyset pagination newest
// first, and an iterator that streams every matching row in batches for CSV and JSON Lines export.
import type { Prisma } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";

export interface TAuditFilter {
  /** exact action ("cluster.create") or a family ending in "." / ".*" ("cluster.") */
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** inclusive lower bound */
  from?: Date;
  /** exclusive upper bound */
  to?: Date;
}

export interface TAuditRow {
  id: string;
  orgId: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actor: { email: string; name: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  data: unknown;
}

type TCursor = { t: string; id: string };
const isCursor = (v: unknown): v is TCursor =>
  typeof v === "object" && v !== null && typeof (v as TCursor).t === "string" && typeof (v as TCursor).id === "string" && !Number.isNaN(Date.parse((v as TCursor).t));

const SELECT = {
  id: true, orgId: true, createdAt: true, action: true, actorId: true, targetType: true, targetId: true, ip: true, data: true,
  actor: { select: { email: true, name: true } },
} satisfies Prisma.AuditLogSelect;

function whereOf(orgId: string, f: TAuditFilter, after?: TCursor): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [{ orgId }];
  if (f.action) {
    const family = f.action.endsWith(".*") ? f.action.slice(0, -1) : f.action.endsWith(".") ? f.action : null;
    and.push(family ? { action: { startsWith: family } } : { action: f.action });
  }
  if (f.actorId) and.push({ actorId: f.actorId });
  if (f.targetType) and.push({ targetType: f.targetType });
  if (f.targetId) and.push({ targetId: f.targetId });
  if (f.from || f.to) and.push({ createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } });
  if (after) {
    const t = new Date(after.t);
    and.push({ OR: [{ createdAt: { lt: t } }, { createdAt: t, id: { lt: after.id } }] });
  }
  return { AND: and };
}

/** Newest first; `cursor` is the opaque `nextCursor` of the previous page (a foreign one just yields this org's rows). */
export async function listAudit(input: { orgId: string; limit?: number; cursor?: string } & TAuditFilter): Promise<{ items: TAuditRow[]; nextCursor?: string }> {
  const limit = clampLimit(input.limit, 50);
  const rows = await db.auditLog.findMany({
    where: whereOf(input.orgId, input, decodeCursor(input.cursor, isCursor)),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: SELECT,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : undefined };
}

/** Every matching row, newest first, fetched `batch` at a time so an export never holds the whole log. */
export async function* iterateAudit(input: { orgId: string; batch?: number } & TAuditFilter): AsyncGenerator<TAuditRow> {
  const batch = clampLimit(input.batch, 500, 2000);
  let after: TCursor | undefined;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: whereOf(input.orgId, input, after), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: batch, select: SELECT });
    for (const r of rows) yield r;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { t: last.createdAt.toISOString(), id: last.id };
  }
}

/** The distinct actions recorded in the organization, for the filter menu. */
export async function listAuditActions(input: { orgId: string }): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { orgId: input.orgId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
