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

export const POLICY_PROFILES = ["default", "strict"] as const;
export type TPolicyProfile = (typeof POLICY_PROFILES)[number];

const ZName = z.string().trim().min(1).max(253);

/** One platform component whose findings are expected (the engine's BaselineEntry). */
export const ZBaselineEntry = z
  .object({
    id: z.string().trim().min(1).max(64).regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "kebab-case, e.g. kube-proxy"),
    title: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(1000),
    namespaces: z.array(ZName).min(1).max(50),
    kinds: z.array(z.string().trim().regex(/^[A-Z][A-Za-z0-9]*$/, "a Kubernetes kind, e.g. DaemonSet")).min(1).max(20),
    names: z.array(ZName.regex(/^[a-z0-9.-]+\*?$/, "a name, or a prefix ending in *")).min(1).max(100),
    /** Kinds of the controlling owner the component must have (static pods: ["Node"]). */
    owners: z.array(z.string().trim().regex(/^[A-Z][A-Za-z0-9]*$/, "a Kubernetes kind, e.g. Node")).max(10).optional(),
    images: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
    expects: z.array(z.string().trim().min(1).max(128)).max(200).optional(),
  })
  .strict();
export type TBaselineEntry = z.infer<typeof ZBaselineEntry>;

export const ZBaselinePolicy = z
  .object({
    enabled: z.boolean().default(true),
    /** Replaces the built-in entries when set. */
    entries: z
      .array(ZBaselineEntry)
      .max(200)
      .refine((list) => new Set(list.map((e) => e.id)).size === list.length, "entry ids must be unique")
      .optional(),
  })
  .strict();
export type TBaselinePolicy = z.infer<typeof ZBaselinePolicy>;

export const ZOrgPolicy = z.object({
  severityOverrides: z.record(z.string().min(1).max(128), z.enum(POLICY_SEVERITIES)).default({}),
  disabledRules: z.array(z.string().min(1).max(128)).max(1000).default([]),
  params: ZRuleParams.default({}),
  /** Which rules run: a reviewer's set ("default") or every rule ("strict"). */
  profile: z.enum(POLICY_PROFILES).default("default"),
  /** Platform components whose findings are expected (on by default, built-in entries). */
  baseline: ZBaselinePolicy.default({ enabled: true }),
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
    profile: v.profile === "strict" ? "strict" : "default",
    baseline: readBaseline(v.baseline),
  };
}

/** The baseline of a stored policy: on with the built-in entries unless it says otherwise; bad entries are dropped. */
function readBaseline(raw: unknown): TBaselinePolicy {
  const b = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const enabled = b.enabled !== false;
  if (!Array.isArray(b.entries)) return { enabled };
  const entries = b.entries.flatMap((e) => {
    const r = ZBaselineEntry.safeParse(e);
    return r.success ? [r.data] : [];
  });
  // A list of which nothing parses any more falls back to the built-in entries rather than to none.
  return entries.length || b.entries.length === 0 ? { enabled, entries } : { enabled };
}
