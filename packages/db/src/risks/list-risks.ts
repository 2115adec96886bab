import type { FindingStatus, Prisma, Severity } from "../generated/prisma/client";
import { db } from "../client";
import { clampLimit, decodeCursor, encodeCursor } from "../pagination";
import { openRiskWhere } from "../findings/open-finding-where";
import { RISK_LIST_INCLUDE, toRiskRow, type TRiskRow } from "./risk-view";

/** Postgres orders the Severity enum by declaration order: critical first. */
const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

export interface TListRisksInput {
  orgId: string;
  clusterId?: string;
  /** Default: open work (open, in progress, reopened). */
  status?: FindingStatus[];
  severity?: Severity[];
  /** Risk types, e.g. "node-takeover". */
  type?: string[];
  namespace?: string;
  /** A user id, or "unassigned". */
  assignee?: string;
  /** Title, object name or namespace contains (case-insensitive). */
  q?: string;
  /** Also risks expected for platform components (baseline); default: not. */
  includeExpected?: boolean;
  cursor?: string;
  limit?: number;
}

type Cursor = { s: Severity; c: number; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === "object" && v !== null && SEVERITY_ORDER.includes((v as Cursor).s) && typeof (v as Cursor).c === "number" && typeof (v as Cursor).i === "string";

export function risksWhere(input: TListRisksInput): Prisma.RiskWhereInput {
  const q = input.q?.trim();
  return {
    ...openRiskWhere(input.orgId),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.includeExpected ? { baselineId: undefined } : {}),
    ...(input.clusterId ? { clusterId: input.clusterId } : {}),
    ...(input.severity?.length ? { severity: { in: input.severity } } : {}),
    ...(input.type?.length ? { type: { in: input.type } } : {}),
    ...(input.namespace ? { namespace: input.namespace } : {}),
    ...(input.assignee === "unassigned" ? { assigneeId: null } : input.assignee ? { assigneeId: input.assignee } : {}),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" } },
            { name: { contains: q, mode: "insensitive" } },
            { namespace: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** Risks worst first (severity, then score, then id), keyset-paged so pages stay stable while scans write. */
export async function listRisks(input: TListRisksInput): Promise<{ items: TRiskRow[]; nextCursor?: string; total: number }> {
  const limit = clampLimit(input.limit, 50);
  const where = risksWhere(input);
  const c = decodeCursor(input.cursor, isCursor);
  const after: Prisma.RiskWhereInput | undefined = c
    ? {
        OR: [
          { severity: { in: SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(c.s) + 1) } },
          { severity: c.s, score: { lt: c.c } },
          { severity: c.s, score: c.c, id: { gt: c.i } },
        ],
      }
    : undefined;
  const [rows, total] = await Promise.all([
    db.risk.findMany({
      where: after ? { AND: [where, after] } : where,
      include: RISK_LIST_INCLUDE,
      orderBy: [{ severity: "asc" }, { score: "desc" }, { id: "asc" }],
      take: limit + 1,
    }),
    db.risk.count({ where }),
  ]);
  const items = rows.slice(0, limit).map(toRiskRow);
  const last = items[items.length - 1];
  return { items, total, nextCursor: rows.length > limit && last ? encodeCursor({ s: last.severity, c: last.score, i: last.id } satisfies Cursor) : undefined };
}
