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

const SECTIONS = ["severityOverrides", "disabledRules", "params", "profile", "baseline"] as const;

/** What the audit entry says about the baseline: on/off and built-in or own entries (ids), never the whole list. */
function baselineSummary(b: TOrgPolicy["baseline"]) {
  return { enabled: b.enabled, entries: b.entries ? b.entries.map((e) => e.id) : "built-in" };
}

/**
 * Replaces the sections of the policy the input carries (severity overrides, disabled rules, rule
 * parameters, profile, platform baseline); sections it leaves out keep their stored value. The
 * next scan applies the result.
 */
export async function updatePolicy(input: { orgId: string; actorId: string; policy: unknown; ip?: string | null }): Promise<TOrgPolicy> {
  const parsed = ZOrgPolicy.safeParse(input.policy);
  if (!parsed.success) throw new DomainError(`invalid policy: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  const raw = (input.policy && typeof input.policy === "object" ? input.policy : {}) as Record<string, unknown>;
  const given = new Set(SECTIONS.filter((k) => raw[k] !== undefined));
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.orgId }, select: { policy: true } });
    if (!org) throw new NotFoundError("organization");
    const prev = readPolicy(org.policy);
    const next: TOrgPolicy = {
      severityOverrides: given.has("severityOverrides") ? parsed.data.severityOverrides : prev.severityOverrides,
      disabledRules: given.has("disabledRules") ? [...new Set(parsed.data.disabledRules)].sort() : prev.disabledRules,
      params: given.has("params") ? Object.fromEntries(Object.entries(parsed.data.params).filter(([, v]) => Array.isArray(v) && v.length > 0)) : prev.params,
      profile: given.has("profile") ? parsed.data.profile : prev.profile,
      baseline: given.has("baseline") ? parsed.data.baseline : prev.baseline,
    };
    const custom = new Set((await tx.customRule.findMany({ where: { orgId: input.orgId }, select: { ruleId: true } })).map((r) => r.ruleId));
    for (const id of [...Object.keys(next.severityOverrides), ...next.disabledRules]) {
      if (!getRule(id) && !custom.has(id)) throw new DomainError(`unknown rule ${id}`);
    }
    await tx.organization.update({ where: { id: input.orgId }, data: { policy: next as unknown as Prisma.InputJsonValue } });
    const prevDisabled = new Set(prev.disabledRules);
    const nextDisabled = new Set(next.disabledRules);
    const baselineChanged = JSON.stringify(prev.baseline) !== JSON.stringify(next.baseline);
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
          ...(prev.profile !== next.profile ? { profile: { from: prev.profile, to: next.profile } } : {}),
          ...(baselineChanged ? { baseline: { from: baselineSummary(prev.baseline), to: baselineSummary(next.baseline) } } : {}),
        },
        ip: input.ip ?? null,
      },
      tx,
    );
    return next;
  });
}
