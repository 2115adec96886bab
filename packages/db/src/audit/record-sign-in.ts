import { db } from "../client";

/**
 * Sign-ins belong to a person, the audit trail to organizations: one row in each organization the
 * user is a member of, so every admin sees who signed in (or failed to) and from where.
 */
export async function recordSignInAudit(input: { userId: string; ok: boolean; method: "password" | "oidc"; ip?: string | null }): Promise<void> {
  const memberships = await db.membership.findMany({ where: { userId: input.userId }, select: { orgId: true } });
  if (!memberships.length) return;
  await db.auditLog.createMany({
    data: memberships.map((m) => ({
      orgId: m.orgId,
      actorId: input.userId,
      action: input.ok ? "auth.sign_in" : "auth.sign_in_failed",
      targetType: "user",
      targetId: input.userId,
      data: input.ok ? { method: input.method } : { method: input.method, reason: "wrong password" },
      ip: input.ip ?? null,
    })),
  });
}
