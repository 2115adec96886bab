// The remediation queue's filters and keyset cursor: open work ordered by severity (critical
// first), then due date (soonest first, none last), then age (oldest first), then id.
import type { FindingStatus, Prisma, Severity } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "../pagination";
import { OPEN_STATUSES, openFindingWhere } from "./open-finding-where";

export const QUEUE_SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low", "info"];
/** Open work: what the queue shows when no status is asked for. */
export const QUEUE_DEFAULT_STATUSES: FindingStatus[] = [...OPEN_STATUSES];

export interface TQueueFilter {
  orgId: string;
  clusterId?: string;
  namespace?: string;
  severity?: Severity[];
  /** Findings of any of these rules (a rule, or the rules of a framework control). */
  ruleIds?: string[];
  /** A user id, or "unassigned". */
  assignee?: string;
  status?: FindingStatus[];
  overdue?: boolean;
  q?: string;
  /** true: only findings expected for platform components (baseline); default: only the others. */
  expected?: boolean;
}

export function queueWhere(f: TQueueFilter, now: Date): Prisma.FindingWhereInput {
  const q = f.q?.trim();
  const and: Prisma.FindingWhereInput[] = [];
  if (q) {
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { message: { contains: q, mode: "insensitive" } },
        { ruleId: { contains: q, mode: "insensitive" } },
        { namespace: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  return {
    ...openFindingWhere(f.orgId),
    ...(f.status?.length ? { status: { in: f.status } } : {}),
    ...(f.expected ? { baselineId: { not: null } } : {}),
    ...(f.clusterId ? { clusterId: f.clusterId } : {}),
    ...(f.namespace ? { namespace: f.namespace } : {}),
    ...(f.severity?.length ? { severity: { in: f.severity } } : {}),
    ...(f.ruleIds ? { ruleId: { in: f.ruleIds } } : {}),
    ...(f.assignee === "unassigned" ? { assigneeId: null } : f.assignee ? { assigneeId: f.assignee } : {}),
    ...(f.overdue ? { dueAt: { lt: now } } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

export const QUEUE_ORDER_BY: Prisma.FindingOrderByWithRelationInput[] = [
  { severity: "asc" },
  { dueAt: { sort: "asc", nulls: "last" } },
  { firstSeenAt: "asc" },
  { id: "asc" },
];

/** Position of the last row of a page: severity, due date (null = none), first seen, id. */
export interface TQueueCursor {
  s: Severity;
  d: string | null;
  f: string;
  i: string;
}

const isIso = (v: unknown): v is string => typeof v === "string" && !Number.isNaN(Date.parse(v));
export const isQueueCursor = (v: unknown): v is TQueueCursor => {
  const c = v as TQueueCursor;
  return (
    typeof v === "object" && v !== null && QUEUE_SEVERITY_ORDER.includes(c.s) && (c.d === null || isIso(c.d)) && isIso(c.f) && typeof c.i === "string" && c.i.length > 0 && c.i.length <= 64
  );
};

export function encodeQueueCursor(row: { severity: Severity; dueAt: Date | null; firstSeenAt: Date; id: string }): string {
  return encodeCursor({ s: row.severity, d: row.dueAt ? row.dueAt.toISOString() : null, f: row.firstSeenAt.toISOString(), i: row.id } satisfies TQueueCursor);
}

export function decodeQueueCursor(cursor: string | undefined): TQueueCursor | undefined {
  return decodeCursor(cursor, isQueueCursor);
}

/** Rows strictly after the cursor in QUEUE_ORDER_BY order. */
export function afterQueueCursor(c: TQueueCursor): Prisma.FindingWhereInput {
  const first = new Date(c.f);
  const sameDueTail: Prisma.FindingWhereInput = { OR: [{ firstSeenAt: { gt: first } }, { firstSeenAt: first, id: { gt: c.i } }] };
  const within: Prisma.FindingWhereInput =
    c.d === null
      ? { dueAt: null, ...sameDueTail }
      : { OR: [{ dueAt: { gt: new Date(c.d) } }, { dueAt: null }, { dueAt: new Date(c.d), ...sameDueTail }] };
  return {
    OR: [{ severity: { in: QUEUE_SEVERITY_ORDER.slice(QUEUE_SEVERITY_ORDER.indexOf(c.s) + 1) as Severity[] } }, { severity: c.s, ...within }],
  };
}

/** In-memory comparison with the same order, for tests and for merging. */
export function compareQueueRows(
  a: { severity: Severity; dueAt: Date | null; firstSeenAt: Date; id: string },
  b: { severity: Severity; dueAt: Date | null; firstSeenAt: Date; id: string },
): number {
  const s = QUEUE_SEVERITY_ORDER.indexOf(a.severity) - QUEUE_SEVERITY_ORDER.indexOf(b.severity);
  if (s) return s;
  if (a.dueAt?.getTime() !== b.dueAt?.getTime()) {
    if (!a.dueAt) return 1;
    if (!b.dueAt) return -1;
    return a.dueAt.getTime() - b.dueAt.getTime();
  }
  const f = a.firstSeenAt.getTime() - b.firstSeenAt.getTime();
  if (f) return f;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
