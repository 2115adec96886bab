// The expiry sweep (a repeatable worker job, across organizations): approved exceptions past their
// expiry become expired and their findings return to open; exceptions about to expire warn the
// requester and the assignees of covered findings once.
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";
import { EXPIRY_WARNING_DAYS, releaseException } from "./exception-scope";

export interface TExpirySweepResult {
  expired: number;
  released: number;
  warned: number;
}

export async function expireExceptions(input: { now?: Date; batch?: number } = {}): Promise<TExpirySweepResult> {
  const now = input.now ?? new Date();
  const out: TExpirySweepResult = { expired: 0, released: 0, warned: 0 };
  const due = await db.riskException.findMany({
    where: { status: "approved", expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    take: input.batch ?? 500,
  });
  for (const ex of due) {
    await db.$transaction(async (tx) => {
      // Conditional: a concurrent sweep or revoke wins once.
      const res = await tx.riskException.updateMany({ where: { id: ex.id, status: "approved", expiresAt: { lte: now } }, data: { status: "expired" } });
      if (res.count === 0) return;
      const released = await releaseException(tx, { ...ex, status: "expired" }, { actorId: null, reason: "expired", now });
      await writeAudit({ orgId: ex.orgId, action: "exception.expire", targetType: "exception", targetId: ex.id, data: { ruleId: ex.ruleId, expiresAt: ex.expiresAt.toISOString(), released } }, tx);
      out.expired++;
      out.released += released;
    });
  }

  const soon = await db.riskException.findMany({
    where: { status: "approved", expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_DAYS * 86_400_000) } },
    take: input.batch ?? 500,
  });
  for (const ex of soon) {
    const link = `/exceptions/${ex.id}`;
    // "Once": a warning sent inside this expiry's warning window is not sent again (an exception
    // that was extended since gets a new warning before its new date).
    const windowStart = new Date(ex.expiresAt.getTime() - EXPIRY_WARNING_DAYS * 86_400_000 - 3_600_000);
    const sent = await db.notification.findFirst({ where: { orgId: ex.orgId, kind: "exception_expiring", link, createdAt: { gte: windowStart } }, select: { id: true } });
    if (sent) continue;
    const assignees = await db.finding.findMany({ where: { orgId: ex.orgId, exceptionId: ex.id, assigneeId: { not: null } }, select: { assigneeId: true }, distinct: ["assigneeId"] });
    const users = new Set<string>([...(ex.requestedById ? [ex.requestedById] : []), ...assignees.map((a) => a.assigneeId!)]);
    if (users.size === 0) continue;
    const days = Math.max(1, Math.ceil((ex.expiresAt.getTime() - now.getTime()) / 86_400_000));
    await db.notification.createMany({
      data: [...users].map((userId) => ({
        orgId: ex.orgId,
        userId,
        kind: "exception_expiring",
        title: `An exception for ${ex.ruleId} expires in ${days} day${days === 1 ? "" : "s"}`,
        body: `On ${ex.expiresAt.toISOString().slice(0, 10)} its findings return to open. Extend it or fix them.`,
        link,
        createdAt: now,
      })),
    });
    out.warned++;
  }
  return out;
}
