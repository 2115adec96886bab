import { db } from "../client";
import { exceptionInclude, withExtras, type TExceptionRow } from "./list-exceptions";

export async function getException(input: { orgId: string; exceptionId: string }): Promise<TExceptionRow | null> {
  const row = await db.riskException.findFirst({ where: { id: input.exceptionId, orgId: input.orgId }, include: exceptionInclude });
  if (!row) return null;
  return (await withExtras(input.orgId, [row]))[0] ?? null;
}

/** The findings an exception holds (excepted now), for its page. */
export async function listExceptionFindings(input: { orgId: string; exceptionId: string; limit?: number }) {
  return db.finding.findMany({
    where: { orgId: input.orgId, exceptionId: input.exceptionId },
    select: { id: true, ruleId: true, severity: true, status: true, kind: true, namespace: true, name: true, path: true, clusterId: true, cluster: { select: { name: true } }, lastSeenAt: true },
    orderBy: [{ severity: "asc" }, { lastSeenAt: "desc" }],
    take: Math.min(input.limit ?? 100, 500),
  });
}
