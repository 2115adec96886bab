import type { Prisma } from "../generated/prisma/client";
import { getRule } from "@bulwark/rules";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";
import { ZOrgPolicy, readPolicy, type TOrgPolicy } from "./policy-schema";

function diffKeys<T>(a: Record<string, T>, b: Record<string, T>): Record<string, { from: T | null; to: T | null }> {
  const out: Record<string, { from: T | null; to: T | null }> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[k] !== b[k]) out[k] = { from: a[k] ?? null, to: b[k] ?? null };
  return out;
}

/** Replaces severity overrides, disabled rules and rule parameters; the next scan applies them. */
export async function updatePolicy(input: { orgId: string; actorId: string; policy: unknown; ip?: string | null }): Promise<TOrgPolicy> {
  const parsed = ZOrgPolicy.safeParse(input.policy);
  if (!parsed.success) throw new DomainError(`invalid policy: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  const next: TOrgPolicy = {
    severityOverrides: parsed.data.severityOverrides,
    disabledRules: [...new Set(parsed.data.disabledRules)].sort(),
    params: Object.fromEntries(Object.entries(parsed.data.params).filter(([, v]) => Array.isArray(v) && v.length > 0)),
  };
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.orgId }, select: { policy: true } });
    if (!org) throw new NotFoundError("organization");
    const custom = new Set((await tx.customRule.findMany({ where: { orgId: input.orgId }, select: { ruleId: true } })).map((r) => r.ruleId));
    for (const id of [...Object.keys(next.severityOverrides), ...next.disabledRules]) {
      if (!getRule(id) && !custom.has(id)) throw new DomainError(`unknown rule ${id}`);
    }
    const prev = readPolicy(org.policy);
    await tx.organization.update({ where: { id: input.orgId }, data: { policy: next as unknown as Prisma.InputJsonValue } });
    const prevDisabled = new Set(prev.disabledRules);
    const nextDisabled = new Set(next.disabledRules);
    await writeAudit(
      {
        orgId: input.orgId,
        actorId: input.actorId,
        action: "policy.update",
        targetType: "organization",
        targetId: input.orgId,
        data: {
          severityOverrides: diffKeys(prev.severityOverrides, next.severityOverrides),
          disabled: next.disabledRules.filter((r) => !prevDisabled.has(r)),
          enabled: prev.disabledRules.filter((r) => !nextDisabled.has(r)),
          params: { from: prev.params, to: next.params },
        },
        ip: input.ip ?? null,
      },
      tx,
    );
    return next;
  });
}
