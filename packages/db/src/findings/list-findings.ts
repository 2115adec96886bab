import type { Finding, FindingStatus, Prisma, Severity } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";
import { OPEN_STATUSES, openFindingWhere } from "./open-finding-where";

export type FindingRow = Finding & { cluster: { id: string; name: string } };

export const DEFAULT_FINDING_STATUSES: FindingStatus[] = [...OPEN_STATUSES];
/** Postgres orders an enum by declaration order, which is this order (critical first). */
const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

type Cursor = { s: Severity; t: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === "object" && v !== null && SEVERITY_ORDER.includes((v as Cursor).s) && typeof (v as Cursor).t === "string" && typeof (v as Cursor).i === "string";

export interface TListFindingsInput {
  orgId: string;
  clusterId?: string;
  namespace?: string;
  severity?: Severity[];
  ruleId?: string;
  status?: FindingStatus[];
  q?: string;
  /** true: only findings expected for platform components (baseline); default: only the others. */
  expected?: boolean;
  limit?: number;
  cursor?: string;
}

export function findingsWhere(input: TListFindingsInput): Prisma.FindingWhereInput {
  const q = input.q?.trim();
  return {
    // Open work unless statuses are asked for; baseline findings only when asked for.
    ...openFindingWhere(input.orgId),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.expected ? { baselineId: { not: null } } : {}),
    ...(input.clusterId ? { clusterId: input.clusterId } : {}),
    ...(input.namespace ? { namespace: input.namespace } : {}),
    ...(input.severity?.length ? { severity: { in: input.severity } } : {}),
    ...(input.ruleId ? { ruleId: input.ruleId } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { message: { contains: q, mode: "insensitive" } },
            { ruleId: { contains: q, mode: "insensitive" } },
            { namespace: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/**
 * Keyset pagination ordered by severity (critical first), then lastSeenAt desc, then id, so pages
 * stay stable while scans write. `total` counts every match up to FINDINGS_COUNT_CAP (then
 * `totalCapped` is true): counting hundreds of thousands of rows on every page would cost more
 * than the page itself.
 */
export const FINDINGS_COUNT_CAP = 10_000;

export async function listFindings(input: TListFindingsInput): Promise<{ items: FindingRow[]; nextCursor?: string; total: number; totalCapped: boolean }> {
  const limit = clampLimit(input.limit, 50);
  const where = findingsWhere(input);
  const c = decodeCursor(input.cursor, isCursor);
  const after: Prisma.FindingWhereInput | undefined = c
    ? {
        OR: [
          { severity: { in: SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(c.s) + 1) } },
          { severity: c.s, lastSeenAt: { lt: new Date(c.t) } },
          { severity: c.s, lastSeenAt: new Date(c.t), id: { gt: c.i } },
        ],
      }
    : undefined;
  const [rows, total] = await Promise.all([
    db.finding.findMany({
      where: after ? { AND: [where, after] } : where,
      include: { cluster: { select: { id: true, name: true } } },
      orderBy: [{ severity: "asc" }, { lastSeenAt: "desc" }, { id: "asc" }],
      take: limit + 1,
    }),
    db.finding.count({ where, take: FINDINGS_COUNT_CAP + 1 }),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    total: Math.min(total, FINDINGS_COUNT_CAP),
    totalCapped: total > FINDINGS_COUNT_CAP,
    nextCursor: rows.length > limit && last ? encodeCursor({ s: last.severity, t: last.lastSeenAt.toISOString(), i: last.id }) : undefined,
  };
}
