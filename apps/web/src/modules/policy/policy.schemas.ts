// Policy settings: one schema per form, shared by the client forms and the server actions. The data
// layer validates again (known rule ids, compiling expressions).
import { z } from "zod";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/[a-z0-9._/-]+)?$/i;

/** One registry per line (or comma separated) -> trimmed list; each must look like host[:port][/path]. */
const ZRegistryList = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    const items = s.split(/[\n,]/).map((x) => x.trim()).filter(Boolean);
    for (const item of items) {
      if (!REGISTRY.test(item) || item.length > 253) {
        ctx.addIssue({ code: "custom", message: `"${item}" is not a registry host or host/path prefix (e.g. ghcr.io/acme)` });
        return z.NEVER;
      }
    }
    if (items.length > 100) {
      ctx.addIssue({ code: "custom", message: "at most 100 registries" });
      return z.NEVER;
    }
    return [...new Set(items)];
  });

const ZRuleId = z.string().min(1).max(128);

export const ZPolicyUpdate = z.object({
  severityOverrides: z.record(ZRuleId, z.enum(SEVERITIES)),
  disabledRules: z.array(ZRuleId).max(1000),
  allowedRegistries: ZRegistryList,
  blockedRegistries: ZRegistryList,
});
export type TPolicyUpdate = z.input<typeof ZPolicyUpdate>;

const ZKinds = z
  .string()
  .max(500)
  .transform((s, ctx) => {
    const kinds = [...new Set(s.split(/[\s,]+/).map((k) => k.trim()).filter(Boolean))];
    // Issues on the field itself (not kinds.0), so the form shows them next to it.
    const bad = kinds.find((k) => !/^(\*|[A-Z][A-Za-z0-9]*)$/.test(k));
    if (kinds.length === 0) ctx.addIssue({ code: "custom", message: "List at least one kind (or *)" });
    else if (bad) ctx.addIssue({ code: "custom", message: `"${bad}" is not a kind: use Deployment, Pod, ... or * for every object` });
    else if (kinds.length > 50) ctx.addIssue({ code: "custom", message: "At most 50 kinds" });
    return kinds;
  });

export const CUSTOM_ID = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZCustomRuleForm = z.object({
  /** present when editing a saved rule */
  id: z.string().min(1).max(64).optional(),
  ruleId: z.string().trim().regex(CUSTOM_ID, 'Use kebab-case starting with "custom-", e.g. custom-min-replicas').max(64),
  title: z.string().trim().min(3, "Give the rule a title").max(200),
  severity: z.enum(SEVERITIES),
  kinds: ZKinds,
  expression: z.string().min(1, "Write the CEL expression (true = violation)").max(4096, "At most 4096 characters"),
  message: z.string().trim().min(3, "Say what is wrong; {{kind}}, {{namespace}} and {{name}} are filled in").max(500),
  remediation: z.string().trim().min(3, "Say how to fix it").max(2000),
  path: z.string().trim().max(300).optional().transform((v) => v || undefined),
});
export type TCustomRuleForm = z.input<typeof ZCustomRuleForm>;

/** Live syntax check of the expression alone, as the editor types. */
export const ZCheckExpression = z.object({ expression: z.string().max(4096, "At most 4096 characters") });

/** "Try against pasted YAML": the expression and what it runs on; the rest of the form is optional. */
export const ZTryCustomRule = z.object({
  expression: z.string().min(1, "Write the CEL expression first").max(4096),
  kinds: ZKinds,
  message: z.string().max(500).optional(),
  path: z.string().trim().max(300).optional().transform((v) => v || undefined),
  yaml: z.string().min(1, "Paste one or more YAML documents").max(200_000, "At most 200 KB of YAML"),
});
export type TTryCustomRule = z.input<typeof ZTryCustomRule>;

export const ZCustomRuleId = z.object({ id: z.string().min(1).max(64) });
export const ZCustomRuleEnabled = z.object({ id: z.string().min(1).max(64), enabled: z.boolean() });

export const PROFILES = ["default", "strict"] as const;
export type TProfile = (typeof PROFILES)[number];

/** Which rules run: a security reviewer's set, or every hygiene and best-practice rule too. */
export const ZProfileUpdate = z.object({ profile: z.enum(PROFILES) });

/** The platform baseline: switch it, replace its entries (YAML or JSON text), or go back to the built-in ones. */
export const ZBaselineUpdate = z.discriminatedUnion("op", [
  z.object({ op: z.literal("enabled"), enabled: z.boolean() }),
  z.object({ op: z.literal("entries"), text: z.string().trim().min(1, "Paste the entries as a YAML or JSON list").max(200_000, "At most 200 KB") }),
  z.object({ op: z.literal("reset") }),
]);
export type TBaselineUpdate = z.input<typeof ZBaselineUpdate>;
