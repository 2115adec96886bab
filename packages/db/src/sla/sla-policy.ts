// The organization's remediation SLA: days to fix a finding by severity. Stored in
// Organization.slaPolicy as { critical, high, medium, low, info }; a missing key takes the
// default, null means "no due date" for that severity.
import { z } from "zod";
import type { Severity } from "../generated/prisma/enums";

export type TSlaPolicy = Record<Severity, number | null>;

export const DEFAULT_SLA_POLICY: TSlaPolicy = { critical: 7, high: 30, medium: 90, low: 180, info: null };

const ZDays = z.number().int().min(1).max(3650).nullable();
export const ZSlaPolicy = z.object({ critical: ZDays, high: ZDays, medium: ZDays, low: ZDays, info: ZDays });

/** Stored JSON to a complete policy; unknown or malformed values fall back to the defaults. */
export function resolveSlaPolicy(stored: unknown): TSlaPolicy {
  const out: TSlaPolicy = { ...DEFAULT_SLA_POLICY };
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
  for (const sev of Object.keys(DEFAULT_SLA_POLICY) as Severity[]) {
    const v = (stored as Record<string, unknown>)[sev];
    if (v === undefined) continue;
    const parsed = ZDays.safeParse(v);
    if (parsed.success) out[sev] = parsed.data;
  }
  return out;
}

/** The due date of a finding of `severity` whose clock started at `from`; null when the policy sets none. */
export function dueDateFor(policy: TSlaPolicy, severity: Severity, from: Date): Date | null {
  const days = policy[severity];
  return days === null ? null : new Date(from.getTime() + days * 86_400_000);
}
