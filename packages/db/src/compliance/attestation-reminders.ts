// The attestation expiry sweep (a repeatable worker job, across organizations). An attestation in
// force that expires within ATTESTATION_REMINDER_DAYS warns the organization's admins and owners
// and its attester in the app, once (reminderSentAt). One that has expired is noted once: an audit
// row and a notification that the control is pending again. The alert channels carry findings and
// risks only (no event fits an attestation), so these stay in-app, as exception expiry warnings do.
import { getFramework } from "@bulwark/rules";
import { db } from "../client";
import { writeAudit } from "../audit/write-audit";

export const ATTESTATION_REMINDER_DAYS = 14;
/** Expiries older than this are not noted any more (a sweep that was down for weeks stays quiet). */
const EXPIRY_NOTE_WINDOW_DAYS = 30;
const DAY = 86_400_000;

export interface TAttestationSweepResult {
  reminded: number;
  expired: number;
  notified: number;
}

export const controlLink = (framework: string, controlId: string) => `/compliance/${encodeURIComponent(framework)}/controls/${encodeURIComponent(controlId)}`;

/** Admins and owners of the organization, and the attester while still a member. */
async function recipients(orgId: string, attestedById: string | null): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { orgId, OR: [{ role: { in: ["admin", "owner"] } }, ...(attestedById ? [{ userId: attestedById }] : [])] },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))].sort();
}

const frameworkName = (id: string) => getFramework(id)?.name ?? id;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function remindExpiringAttestations(input: { now?: Date; batch?: number } = {}): Promise<TAttestationSweepResult> {
  const now = input.now ?? new Date();
  const take = input.batch ?? 500;
  const out: TAttestationSweepResult = { reminded: 0, expired: 0, notified: 0 };

  const soon = await db.attestation.findMany({
    where: { supersededAt: null, revokedAt: null, reminderSentAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + ATTESTATION_REMINDER_DAYS * DAY) } },
    select: { id: true, orgId: true, framework: true, controlId: true, expiresAt: true, attestedById: true },
    orderBy: { expiresAt: "asc" },
    take,
  });
  for (const a of soon) {
    const users = await recipients(a.orgId, a.attestedById);
    await db.$transaction(async (tx) => {
      // Conditional: a concurrent sweep claims it once.
      const claimed = await tx.attestation.updateMany({ where: { id: a.id, reminderSentAt: null, supersededAt: null, revokedAt: null }, data: { reminderSentAt: now } });
      if (claimed.count === 0) return;
      const days = Math.max(1, Math.ceil((a.expiresAt.getTime() - now.getTime()) / DAY));
      if (users.length) {
        await tx.notification.createMany({
          data: users.map((userId) => ({
            orgId: a.orgId,
            userId,
            kind: "attestation_expiring",
            title: `The attestation of ${a.controlId} (${frameworkName(a.framework)}) expires in ${plural(days, "day")}`,
            body: `On ${a.expiresAt.toISOString().slice(0, 10)} the control returns to "Manual – pending". Review the evidence and attest again.`,
            link: controlLink(a.framework, a.controlId),
            createdAt: now,
          })),
        });
      }
      out.reminded++;
      out.notified += users.length;
    });
  }

  // Not yet noted: no "attestation.expire" audit row for it.
  const ended = await db.$queryRaw<Array<{ id: string; orgId: string; framework: string; controlId: string; expiresAt: Date; attestedById: string | null }>>`
    SELECT a.id, a."orgId", a.framework, a."controlId", a."expiresAt", a."attestedById" FROM "Attestation" a
    WHERE a."supersededAt" IS NULL AND a."revokedAt" IS NULL AND a."expiresAt" <= ${now} AND a."expiresAt" > ${new Date(now.getTime() - EXPIRY_NOTE_WINDOW_DAYS * DAY)}
      AND NOT EXISTS (SELECT 1 FROM "AuditLog" l WHERE l."orgId" = a."orgId" AND l.action = 'attestation.expire' AND l."targetType" = 'attestation' AND l."targetId" = a.id)
    ORDER BY a."expiresAt" ASC LIMIT ${take}`;
  for (const a of ended) {
    const users = await recipients(a.orgId, a.attestedById);
    await db.$transaction(async (tx) => {
      // "Once": the audit row is the note; a lock keeps two sweeps from both writing it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attestation-expiry:${a.id}`}))`;
      const noted = await tx.auditLog.findFirst({ where: { orgId: a.orgId, action: "attestation.expire", targetType: "attestation", targetId: a.id }, select: { id: true } });
      if (noted) return;
      await writeAudit({ orgId: a.orgId, action: "attestation.expire", targetType: "attestation", targetId: a.id, data: { framework: a.framework, controlId: a.controlId, expiresAt: a.expiresAt.toISOString() } }, tx);
      if (users.length) {
        await tx.notification.createMany({
          data: users.map((userId) => ({
            orgId: a.orgId,
            userId,
            kind: "attestation_expired",
            title: `The attestation of ${a.controlId} (${frameworkName(a.framework)}) has expired`,
            body: `It ended on ${a.expiresAt.toISOString().slice(0, 10)}; the control is "Manual – pending" until someone attests again.`,
            link: controlLink(a.framework, a.controlId),
            createdAt: now,
          })),
        });
      }
      out.expired++;
      out.notified += users.length;
    });
  }
  return out;
}
