// Open work, defined once: what every count and list of "open" findings and risks means. A
// finding or risk is open work while a person still has to act on it: open, in progress or
// reopened, not covered by an exception (excepted), not fixed (resolved), and not expected for a
// platform component (baselineId set: stored and listed apart, never open work).
import type { FindingStatus, Prisma } from "../generated/prisma/client";

export const OPEN_STATUSES: readonly FindingStatus[] = ["open", "reopened", "in_progress"];

/** The same predicate in SQL, for raw queries over "Finding" or "Risk" (optionally aliased). */
export function openWorkSql(alias?: string): string {
  const c = (col: string) => (alias ? `${alias}."${col}"` : `"${col}"`);
  return `${c("status")} IN ('open', 'reopened', 'in_progress') AND ${c("baselineId")} IS NULL`;
}

/** Open findings of the organization: the overview's counts, the findings list's and the queue's default. */
export function openFindingWhere(orgId: string): Prisma.FindingWhereInput {
  return { orgId, status: { in: [...OPEN_STATUSES] }, baselineId: null };
}

/** Open risks of the organization (same statuses, same baseline rule). */
export function openRiskWhere(orgId: string): Prisma.RiskWhereInput {
  return { orgId, status: { in: [...OPEN_STATUSES] }, baselineId: null };
}
