"use server";
// Policy settings: the profile, the platform baseline, severity overrides, disabled rules, rule
// parameters and custom CEL rules. Admins (settings:manage) change them; every change is audited
// with the caller's IP (updatePolicy writes "policy.update" with what changed); the next scan uses them.
import { revalidatePath } from "next/cache";
import { createCustomRule, CustomRuleCompileError, deleteCustomRule, getPolicy, setCustomRuleEnabled, updateCustomRule, updatePolicy, type TBaselinePolicy } from "@bulwark/db";
import { compileCustomRule, type CustomRuleError } from "@bulwark/rules";
import { HttpError } from "@/modules/auth/server/errors";
import { withOrg } from "@/modules/auth/server/with-org";
import { evaluateForRequest } from "@/modules/scan-yaml/server/evaluate-request";
import type { TTryRuleResult } from "@/modules/scan-yaml/server/rules-tasks";
import { ZBaselineUpdate, ZCheckExpression, ZCustomRuleEnabled, ZCustomRuleForm, ZCustomRuleId, ZPolicyUpdate, ZProfileUpdate, ZTryCustomRule } from "../policy.schemas";
import { parseBaselineEntries } from "./parse-baseline-entries";

const PATH = "/settings/policy";
/** Metadata for compiling an expression before the rest of the form is filled in. */
const PLACEHOLDER = { id: "custom-draft", title: "Draft", severity: "low", message: "{{kind}} {{namespace}}/{{name}} violates the rule", remediation: "-" } as const;

export const updatePolicyAction = withOrg({ schema: ZPolicyUpdate, permission: "settings:manage" }, async (input, ctx) => {
  const policy = await updatePolicy({
    orgId: ctx.orgId,
    actorId: ctx.userId,
    ip: ctx.ip,
    policy: { severityOverrides: input.severityOverrides, disabledRules: input.disabledRules, params: { allowedRegistries: input.allowedRegistries, blockedRegistries: input.blockedRegistries } },
  });
  revalidatePath(PATH);
  return policy;
});

export const updateProfileAction = withOrg({ schema: ZProfileUpdate, permission: "settings:manage" }, async (input, ctx) => {
  const policy = await updatePolicy({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, policy: { profile: input.profile } });
  revalidatePath(PATH);
  return { profile: policy.profile };
});

/** Switches the platform baseline, replaces its entries with the admin's own, or resets them to the built-in ones. */
export const updateBaselineAction = withOrg({ schema: ZBaselineUpdate, permission: "settings:manage" }, async (input, ctx) => {
  const current: TBaselinePolicy = (await getPolicy({ orgId: ctx.orgId }))?.policy.baseline ?? { enabled: true };
  let next: TBaselinePolicy;
  if (input.op === "enabled") next = { ...current, enabled: input.enabled };
  else if (input.op === "reset") next = { enabled: current.enabled };
  else {
    const parsed = parseBaselineEntries(input.text);
    if (!parsed.ok) throw new HttpError(400, "The entries need attention", "invalid_input", { text: parsed.errors.join("\n") });
    next = { enabled: current.enabled, entries: parsed.entries };
  }
  const policy = await updatePolicy({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, policy: { baseline: next } });
  revalidatePath(PATH);
  return { baseline: policy.baseline };
});

/** Compiles the expression alone, without saving: errors carry line and column for the editor. */
export const checkExpressionAction = withOrg({ schema: ZCheckExpression, permission: "settings:manage" }, async (input): Promise<{ ok: boolean; errors: CustomRuleError[] }> => {
  if (!input.expression.trim()) return { ok: false, errors: [] };
  const res = compileCustomRule({ ...PLACEHOLDER, kinds: ["*"], expression: input.expression });
  return res.ok ? { ok: true, errors: [] } : { ok: false, errors: res.errors };
});

/** Runs the draft rule on sample manifests, off the request thread (see evaluate-request). */
export const tryCustomRuleAction = withOrg({ schema: ZTryCustomRule, permission: "settings:manage" }, async (input, ctx) => {
  const def = { ...PLACEHOLDER, kinds: input.kinds, expression: input.expression, ...(input.message?.trim() ? { message: input.message } : {}), ...(input.path ? { path: input.path } : {}) };
  return evaluateForRequest<TTryRuleResult>({ kind: "try-rule", def, yaml: input.yaml }, ctx);
});

export const saveCustomRuleAction = withOrg({ schema: ZCustomRuleForm, permission: "settings:manage" }, async (input, ctx) => {
  const fields = { title: input.title, severity: input.severity, kinds: input.kinds, expression: input.expression, message: input.message, remediation: input.remediation, path: input.path ?? null };
  try {
    const rule = input.id
      ? await updateCustomRule({ orgId: ctx.orgId, id: input.id, actorId: ctx.userId, ip: ctx.ip, ...fields })
      : await createCustomRule({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip, ruleId: input.ruleId, ...fields });
    revalidatePath(PATH);
    return { ok: true as const, id: rule.id, ruleId: rule.ruleId };
  } catch (e) {
    if (e instanceof CustomRuleCompileError) return { ok: false as const, errors: e.errors };
    throw e;
  }
});

export const setCustomRuleEnabledAction = withOrg({ schema: ZCustomRuleEnabled, permission: "settings:manage" }, async (input, ctx) => {
  const rule = await setCustomRuleEnabled({ orgId: ctx.orgId, id: input.id, actorId: ctx.userId, enabled: input.enabled, ip: ctx.ip });
  revalidatePath(PATH);
  return { id: rule.id, enabled: rule.enabled };
});

export const deleteCustomRuleAction = withOrg({ schema: ZCustomRuleId, permission: "settings:manage" }, async (input, ctx) => {
  await deleteCustomRule({ orgId: ctx.orgId, id: input.id, actorId: ctx.userId, ip: ctx.ip });
  revalidatePath(PATH);
  return { id: input.id };
});
