// The organization's engine policy as stored in Organization.policy: what the next scan applies.
// One schema for saving (strict: known rules, sane parameters) and a tolerant reader for old rows.
import { z } from "zod";

export const POLICY_SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

/** A registry host or host/path prefix, e.g. "ghcr.io/acme" or "registry.internal:5000". */
const ZRegistry = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._\/-]+)?$/i, "a registry host or host/path prefix, e.g. ghcr.io/acme");

export const ZRuleParams = z.object({
  allowedRegistries: z.array(ZRegistry).max(100).optional(),
  blockedRegistries: z.array(ZRegistry).max(100).optional(),
});
export type TRuleParams = z.infer<typeof ZRuleParams>;

export const ZOrgPolicy = z.object({
  severityOverrides: z.record(z.string().min(1).max(128), z.enum(POLICY_SEVERITIES)).default({}),
  disabledRules: z.array(z.string().min(1).max(128)).max(1000).default([]),
  params: ZRuleParams.default({}),
});
export type TOrgPolicy = z.infer<typeof ZOrgPolicy>;

/** Reads a stored policy, dropping whatever does not parse instead of failing (a scan must never stop on it). */
export function readPolicy(raw: unknown): TOrgPolicy {
  const v = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const overrides = z.record(z.string(), z.enum(POLICY_SEVERITIES)).safeParse(v.severityOverrides);
  const disabled = z.array(z.string()).safeParse(v.disabledRules);
  const params = (v.params && typeof v.params === "object" ? v.params : {}) as Record<string, unknown>;
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((e): e is string => typeof e === "string" && e.trim() !== "") : undefined);
  const allowed = strings(params.allowedRegistries);
  const blocked = strings(params.blockedRegistries);
  return {
    severityOverrides: overrides.success ? overrides.data : {},
    disabledRules: disabled.success ? disabled.data : [],
    params: { ...(allowed ? { allowedRegistries: allowed } : {}), ...(blocked ? { blockedRegistries: blocked } : {}) },
  };
}
